import Foundation
import Glibc

/// Tells when one of a few files in a directory is written, created or moved into place,
/// through inotify.
///
/// The directory is watched rather than the files, so that a file created later (SQLite's
/// `-wal`, made again after each restart) is seen too. A thread of its own blocks in `poll`
/// until the kernel has an event or ``stop()`` is called: a blocked thread costs no wake-up,
/// so an idle process sleeps. Events come in bursts (each write of a transaction is one);
/// ``changes`` keeps at most one pending element, so a burst read late costs one look.
final class FileChangeWatch: Sendable {
    /// Why a watch could not be set up.
    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    /// One element per burst of changes to the watched files; finishes after ``stop()``.
    let changes: AsyncStream<Void>
    /// Closed by ``stop()``, which the watching thread sees as a hang-up on the other end.
    private let stopDescriptor: Int32

    /// Starts watching `fileNames` (names, not paths) in `directory`.
    init(directory: String, fileNames: Set<String>) throws(SetupError) {
        let inotify = inotify_init1(Int32(IN_CLOEXEC))
        guard inotify >= 0 else { throw SetupError(description: "inotify_init1: \(String(cString: strerror(errno)))") }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO)
        guard inotify_add_watch(inotify, directory, mask) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(inotify)
            throw SetupError(description: "inotify_add_watch \(directory): \(reason)")
        }
        var stopPipe: [Int32] = [0, 0]
        guard pipe(&stopPipe) == 0 else {
            let reason = String(cString: strerror(errno))
            close(inotify)
            throw SetupError(description: "pipe: \(reason)")
        }
        for descriptor in stopPipe {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        stopDescriptor = stopPipe[1]
        let (changes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.changes = changes
        let stopped = stopPipe[0]
        let thread = Thread {
            defer {
                close(inotify)
                close(stopped)
                continuation.finish()
            }
            Self.watch(inotify, until: stopped, for: fileNames) { _ = continuation.yield() }
        }
        thread.start()
    }

    /// Ends the watch: the thread returns, its descriptors close and ``changes`` finishes.
    /// Call it once.
    func stop() {
        close(stopDescriptor)
    }

    /// Reads `inotify` until `stopped` becomes readable or hangs up, calling `changed` after
    /// each read that names one of `fileNames` or says events were lost.
    private static func watch(_ inotify: Int32, until stopped: Int32, for fileNames: Set<String>, changed: () -> Void) {
        // Room for many events; one event is at most 16 bytes and a name of NAME_MAX + 1.
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var descriptors = [
            pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stopped, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
                if errno == EINTR { continue }
                return
            }
            if descriptors[1].revents != 0 { return }
            guard descriptors[0].revents & Int16(POLLIN) != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            let events = buffer.withUnsafeBytes { InotifyEvents(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            if events.overflowed || !events.names.isDisjoint(with: fileNames) {
                changed()
            }
        }
    }
}

/// The events of one read of an inotify descriptor: the names they concern and whether the
/// kernel dropped some (its queue overflowed), in which case anything may have changed.
struct InotifyEvents {
    var names: Set<String> = []
    var overflowed = false

    /// Parses `bytes`: a sequence of `struct inotify_event`, each a 16-byte header (watch,
    /// mask, cookie, name length) followed by a NUL-padded name.
    init(_ bytes: UnsafeRawBufferPointer) {
        let headerSize = MemoryLayout<inotify_event>.size
        var offset = 0
        while offset + headerSize <= bytes.count {
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true }
            let nameStart = offset + headerSize
            let nameEnd = min(nameStart + nameLength, bytes.count)
            let name = bytes[nameStart..<nameEnd].prefix { $0 != 0 }
            if !name.isEmpty { names.insert(String(decoding: name, as: UTF8.self)) }
            offset = nameStart + nameLength
        }
    }
}
