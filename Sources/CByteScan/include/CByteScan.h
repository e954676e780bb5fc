#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>

/// The index of the first byte of data[from..<count] that ends or escapes a JSON string or is not plain ASCII
/// (`"`, `\`, below 0x20, or 0x80 and above); `count` when there is none. Sixteen bytes a step with SSE2 on x86-64.
size_t sendout_json_string_stop(const uint8_t *data, size_t from, size_t count);

/// The index of the first CRLF in data[from..<count], or `count` when there is none (the HTTP parser's line ends;
/// memchr for each CR).
size_t sendout_find_crlf(const uint8_t *data, size_t from, size_t count);

#endif
