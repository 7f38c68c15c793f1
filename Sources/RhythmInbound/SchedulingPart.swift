import Foundation
import ICalendar
import RhythmMail

/// One distinct piece of iCalendar data a message carries, read as an iTIP object.
///
/// Google sends the same reply twice (inline and as `invite.ics`), so identical data is read
/// once: first by its bytes, then by what it parses to (the two may differ in line folding).
enum SchedulingPart: Hashable {
    /// Data that parses: the iTIP method (from `METHOD`, else the part's `method=`
    /// parameter), upper-cased, and the VEVENTs of every calendar in it.
    case calendar(method: String?, events: [Component])
    /// Data that does not parse: the UIDs its lines seem to name, so that a broken reply to a
    /// Rhythm meeting is still recognised as Rhythm's, and why it could not be read.
    case unreadable(uids: [String], reason: ICalendarError.Code)

    /// The distinct iCalendar objects of `message`, in document order.
    static func parts(of message: ReceivedMessage) -> [SchedulingPart] {
        var seenBytes: Set<[UInt8]> = []
        var found: [SchedulingPart] = []
        for part in message.parts where part.isCalendar && seenBytes.insert(part.content).inserted {
            let read = read(part)
            if !found.contains(read) { found.append(read) }
        }
        return found
    }

    private static func read(_ part: MessagePart) -> SchedulingPart {
        let data = Data(part.content)
        do throws(ICalendarError) {
            let calendars = try Component.parse(data).filter { $0.name == Component.Name.calendar }
            let declared = calendars.lazy.compactMap { $0.property("METHOD")?.value }.first
            let method = (declared ?? part.contentType.parameters["method"])?.uppercased()
            return .calendar(method: method, events: calendars.flatMap { $0.components(Component.Name.event) })
        } catch {
            return .unreadable(uids: uids(inUnparsed: data), reason: error.code)
        }
    }

    /// The values of lines that look like `UID:` or `UID;...:`, after unfolding.
    private static func uids(inUnparsed data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n ", with: "")
            .replacingOccurrences(of: "\n\t", with: "")
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            guard line.uppercased().hasPrefix("UID"), let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].split(separator: ";", maxSplits: 1).first.map(String.init)
            guard name?.uppercased() == "UID" else { return nil }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }
}
