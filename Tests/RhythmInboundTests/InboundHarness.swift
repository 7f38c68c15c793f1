import Foundation
import RhythmCore
import RhythmInbound
import RhythmMail
import RhythmStore

/// A fresh database file in its own directory, removed when the harness goes, and a handler
/// that records into it.
final class InboundHarness {
    let directory: URL
    let store: AppDatabase
    let handler: CalendarReplyHandler
    let initiative = InboundInitiative.make()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-inbound-tests-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        handler = CalendarReplyHandler(store: store)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Offers `message` to the handler as the inbox reader does.
    func handle(_ message: ReceivedMessage, now: Date = InboundInitiative.now) throws -> InboundDisposition {
        try handler.handle(message, in: InboundContext(initiative: initiative, channelID: "mail", now: now))
    }

    /// The answers stored for one meeting, or for all.
    func answers(_ seriesID: String? = nil, on date: String? = nil) throws -> [Attendance] {
        try store.attendance(seriesID: seriesID, occurrenceDate: date.flatMap { LocalDate(iso: $0) })
    }
}

extension InboundDisposition {
    /// The summary of a handled message; nil for an unrelated one.
    var summary: String? {
        if case .handled(let summary) = self { return summary }
        return nil
    }
}
