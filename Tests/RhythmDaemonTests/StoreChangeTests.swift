import Foundation
import Glibc
import Logging
import RhythmStore
import Synchronization
import Testing

@testable import RhythmDaemon

/// How the service learns of what other processes write to its database: an inotify watch
/// on the database's directory, and one look at the change counter per burst of writes.
@Suite struct StoreChangeTests {
    /// A new, empty directory for one test's files.
    private static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-watch-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Runs `operation`, or records a failure after a minute; for waits that would otherwise
    /// hang a test. Generous, because every test shares two threads.
    private static func withinAMinute(_ what: String, _ operation: @escaping @Sendable () async -> Void) async {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await operation()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(60))
                return false
            }
            if await group.next() == false { Issue.record("timed out waiting until \(what)") }
            group.cancelAll()
        }
    }

    /// The bytes of one `struct inotify_event` as the kernel writes it: the name ends with at
    /// least one NUL and is padded to a multiple of 16 bytes.
    private static func event(mask: Int32, name: String) -> [UInt8] {
        let bytes = Array(name.utf8)
        let padded = name.isEmpty ? [] : bytes + [UInt8](repeating: 0, count: 16 - bytes.count % 16)
        var header = [UInt8]()
        for field in [UInt32(1), UInt32(mask), 0, UInt32(padded.count)] {
            withUnsafeBytes(of: field.littleEndian) { header += $0 }
        }
        return header + padded
    }

    @Test("the events of one read are parsed into the names they concern and whether events were lost")
    func parsesEvents() {
        let bytes =
            Self.event(mask: IN_MODIFY, name: "rhythm.sqlite-wal") + Self.event(mask: IN_CREATE, name: "Maildir")
            + Self.event(mask: IN_CLOSE_WRITE, name: "rhythm.sqlite")
        let events = bytes.withUnsafeBytes { InotifyEvents($0) }
        #expect(events.names == ["rhythm.sqlite-wal", "Maildir", "rhythm.sqlite"])
        #expect(!events.overflowed)
        let lost = (Self.event(mask: IN_Q_OVERFLOW, name: "") + Self.event(mask: IN_MODIFY, name: "x"))
            .withUnsafeBytes { InotifyEvents($0) }
        #expect(lost.names == ["x"])
        #expect(lost.overflowed)
    }

    @Test("a write to a watched file is told, and stopping ends the changes")
    func watchesNamedFiles() async throws {
        let directory = try Self.temporaryDirectory()
        let watch = try FileChangeWatch(directory: directory.path, fileNames: ["db", "db-wal"])
        let told = Mutex(0)
        let ended = Mutex(false)
        let listener = Task {
            for await _ in watch.changes { told.withLock { $0 += 1 } }
            ended.withLock { $0 = true }
        }
        try Data("unrelated".utf8).write(to: directory.appendingPathComponent("Maildir-note"))
        try Data("page".utf8).write(to: directory.appendingPathComponent("db-wal"))
        await Self.withinAMinute("the write to db-wal is told") {
            while told.withLock({ $0 }) == 0 { try? await Task.sleep(for: .milliseconds(20)) }
        }
        watch.stop()
        await Self.withinAMinute("the changes finish") { await listener.value }
        #expect(ended.withLock { $0 })
    }

    /// A store file, a service watching it from the counter it starts with, and how many
    /// changes the service has told.
    struct WatchedStore {
        let path: String
        let service: StoreChangeService
        let told = ToldCount()

        init() throws {
            path = try StoreChangeTests.temporaryDirectory().appendingPathComponent("rhythm.sqlite").path
            let store = try AppDatabase.open(path: path)
            let told = self.told
            service = StoreChangeService(
                store: store, databasePath: path, counterAtStart: try store.changeCounter(),
                onChange: { told.add() }, logger: Logger(label: "test"))
        }

        /// A write the command line would make: another connection to the same file.
        func writeFromAnotherConnection() throws {
            let other = try AppDatabase.open(path: path)
            _ = try other.createAction(NewAction(title: "Book the venue", ownerID: "ann"), actor: "cli", now: Date())
        }

        /// Waits, a minute at most, until the service has told a change.
        func waitUntilTold(_ what: String) async {
            await StoreChangeTests.withinAMinute(what) {
                while told.count == 0 { try? await Task.sleep(for: .milliseconds(20)) }
            }
        }
    }

    /// The changes a service has told, counted across its threads.
    final class ToldCount: Sendable {
        private let value = Mutex(0)
        var count: Int { value.withLock { $0 } }
        func add() { value.withLock { $0 += 1 } }
    }

    @Test("a write by another connection that moves the change counter is told once noticed; none while idle")
    func toldOfOtherWriters() async throws {
        let watched = try WatchedStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await watched.service.run() }
            try await Task.sleep(for: .milliseconds(300))
            #expect(watched.told.count == 0)
            try watched.writeFromAnotherConnection()
            await watched.waitUntilTold("the other connection's write is told")
            #expect(watched.told.count == 1)
            group.cancelAll()
        }
    }

    @Test("a write made after the service first read the store, before its watch was set up, is told at once")
    func toldOfWritesBeforeTheWatch() async throws {
        let watched = try WatchedStore()
        try watched.writeFromAnotherConnection()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await watched.service.run() }
            await watched.waitUntilTold("the write made before the watch is told")
            try await Task.sleep(for: .milliseconds(300))
            #expect(watched.told.count == 1)
            group.cancelAll()
        }
    }

    @Test("without a directory to watch, a moved change counter is still noticed, by looking once a second")
    func fallsBackToLooking() async throws {
        let store = try AppDatabase.inMemory()
        let told = Mutex(0)
        let service = StoreChangeService(
            store: store, databasePath: "/nonexistent-\(UUID())/rhythm.sqlite",
            counterAtStart: try store.changeCounter(),
            onChange: { told.withLock { $0 += 1 } }, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            try await Task.sleep(for: .milliseconds(300))
            _ = try store.createAction(NewAction(title: "Book the venue", ownerID: "ann"), actor: "cli", now: Date())
            await Self.withinAMinute("the write is noticed") {
                while told.withLock({ $0 }) == 0 { try? await Task.sleep(for: .milliseconds(20)) }
            }
            group.cancelAll()
        }
    }

    @Test("a wait without a deadline returns at a signal, and at once when a signal is pending")
    func waitsForSignal() async {
        let wakeup = Wakeup()
        wakeup.signal()
        await Self.withinAMinute("a pending signal ends the wait") { await wakeup.wait() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await Self.withinAMinute("a signal ends the wait") { await wakeup.wait() } }
            try? await Task.sleep(for: .milliseconds(50))
            wakeup.signal()
        }
    }
}
