import Foundation
import SendoutCore
import SendoutIO

extension AuditTail {
  /// What following the log keeps between reads (behind the tail's lock): the index, where the file was read up
  /// to, and which file it was.
  struct Follower {
    /// The log's path.
    let path: String
    private let maxLineBytes: Int
    private let chunkBytes: Int
    var index = AuditIndex()
    var fileID: ReadOnlyFile.Identity?
    /// The file's first bytes when it was read (up to `headBytes`).
    private var head: [UInt8] = []
    /// Bytes before this offset are parsed (or passed over): where the unfinished last line starts.
    var offset = 0
    /// How far the file is known to hold no newline after `offset`: scanning resumes here, so an unfinished line is
    /// scanned once, and read whole once its newline arrives.
    private var scanned = 0
    /// The unfinished line is over the cap: it is being passed over up to its newline.
    private var skipping = false
    private var lineNumber = 0
    var generation = 1
    var warningTexts: [String] = []

    init(path: String, maxLineBytes: Int, chunkBytes: Int) {
      self.path = path
      self.maxLineBytes = maxLineBytes
      self.chunkBytes = chunkBytes
    }

    /// Opens the file and parses what was appended (under the lock); starts over when it is another file.
    mutating func catchUp() {
      let file: ReadOnlyFile
      do throws(RegularFileError) {
        file = try ReadOnlyFile(path: path)
      } catch {
        if case .missing = error {
          if offset > 0 || fileID != nil { restart(id: nil) }  // deleted: an empty log until it comes back
        } else {
          if fileID != nil { restart(id: nil) }
          if case .system(let reason) = error {
            warn("Audit log '\(path)': cannot read the file: \(reason)")
          } else {
            warn("Audit log '\(path)' \(error.reason)")
          }
        }
        return
      }
      let size = file.size
      if file.identity != fileID || size < offset || !sameHead(file) { restart(id: file.identity) }
      if head.count < min(size, AuditTail.headBytes) { head = file.read(at: 0, count: min(size, AuditTail.headBytes)) }
      parse(file, upTo: size)
    }

    /// Whether the file still starts with the bytes it started with when it was read.
    private func sameHead(_ file: ReadOnlyFile) -> Bool {
      head.isEmpty || file.read(at: 0, count: head.count) == head
    }

    /// Scans `scanned..<size` in chunks for newlines; each complete line under the cap is read (from the chunk, or
    /// once more from the file when it spans chunks) and parsed; a line over the cap is passed over.
    private mutating func parse(_ file: ReadOnlyFile, upTo size: Int) {
      var lineStart = offset
      var position = scanned
      while position < size {
        let chunk = file.read(at: position, count: min(chunkBytes, size - position))
        guard !chunk.isEmpty else { break }  // shrank while being read: the next poll starts over
        var start = 0
        while let newline = Self.newline(in: chunk, from: start) {
          lineNumber += 1
          let end = position + newline
          if skipping {
            skipping = false
          } else if end - lineStart > maxLineBytes {
            warnTooLong(lineNumber)
          } else {
            add(
              lineStart >= position
                ? Array(chunk[(lineStart - position)..<newline]) : file.read(at: lineStart, count: end - lineStart),
              at: lineStart)
          }
          start = newline + 1
          lineStart = end + 1
        }
        position += chunk.count
        if !skipping && position - lineStart > maxLineBytes {
          warnTooLong(lineNumber + 1)
          skipping = true
        }
      }
      offset = skipping ? position : lineStart
      scanned = position
    }

    /// The index of the first newline in `chunk` at or after `start` (`memchr`: a 1 GiB line is scanned at memory
    /// speed, even in a debug build).
    private static func newline(in chunk: [UInt8], from start: Int) -> Int? {
      guard start < chunk.count else { return nil }
      return chunk.withUnsafeBytes { raw -> Int? in
        guard let base = raw.baseAddress, let found = memchr(base + start, 0x0A, raw.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
      }
    }

    private mutating func add(_ line: [UInt8], at start: Int) {
      guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { return }
      do {
        let json = try JSONParser.parse(line)
        if LoadAuditLine.isLoadLine(json) {
          index.countLoadLine()
        } else {
          let ref = AuditIndex.LineRef(offset: start, length: line.count, checksum: AuditIndex.LineRef.checksum(line))
          index.append(try AuditRecord(json: json), at: ref)
        }
      } catch let error as AuditLogError.Field {
        warn("Audit log '\(path)' line \(lineNumber): skipped: field '\(error.key)' must be \(error.expected)")
      } catch {
        warn("Audit log '\(path)' line \(lineNumber): skipped: \(error)")
      }
    }

    private mutating func warnTooLong(_ line: Int) {
      warn("Audit log '\(path)' line \(line): skipped: longer than \(maxLineBytes) bytes, the most one record may be")
    }

    private mutating func restart(id: ReadOnlyFile.Identity?) {
      index = AuditIndex()
      offset = 0
      scanned = 0
      skipping = false
      head = []
      lineNumber = 0
      fileID = id
      generation += 1
      warningTexts = []  // they were about the lines of the file just dropped
    }

    private mutating func warn(_ text: String) {
      if warningTexts.count < AuditTail.maxWarnings && !warningTexts.contains(text) { warningTexts.append(text) }
    }
  }
}
