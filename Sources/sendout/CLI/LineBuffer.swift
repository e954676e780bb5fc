import Foundation
import Synchronization

/// Standard output for a stream of many short lines (`sendout listen` and `serve` under load): lines collect in memory and
/// are written every 50 ms, or at once past 64 KiB, instead of one write per line, which held the listener
/// back. `end()` writes what is left.
final class LineBuffer: Sendable {
  private let pending = Mutex<[UInt8]>([])
  private let timer = Mutex<(any DispatchSourceTimer)?>(nil)

  /// A buffer that writes what it holds every 50 ms.
  init() {
    timer.withLock { slot in
      let ticks = DispatchSource.makeTimerSource(queue: .global())
      ticks.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(50))
      ticks.setEventHandler { [weak self] in self?.flush() }
      ticks.resume()
      slot = ticks
    }
  }

  /// Adds `line` and a newline; writes at once when 64 KiB are waiting.
  func append(_ line: String) {
    let full = pending.withLock { bytes in
      bytes.append(contentsOf: Console.painted(line).utf8)
      bytes.append(0x0A)
      return bytes.count >= 1 << 16
    }
    if full { flush() }
  }

  /// Writes what is waiting (under the lock, so two flushes never swap their lines).
  func flush() {
    pending.withLock { bytes in
      guard !bytes.isEmpty else { return }
      Console.outBytes(bytes)
      bytes.removeAll(keepingCapacity: true)
    }
  }

  /// Stops the timer and writes what is left.
  func end() {
    timer.withLock { $0?.cancel() }
    flush()
  }
}
