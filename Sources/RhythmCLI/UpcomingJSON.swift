import Foundation
import RhythmCore

/// The JSON form of `rhythm upcoming`, for scripts: stable keys, ISO 8601 times with the
/// offset of the meeting's zone.
///
/// ```
/// { "from", "until": UTC instants,
///   "occurrences": [ { "series", "title", "kind", "status", "start", "end", "time_zone",
///                      "original_start", "location"?, "online_meeting_url"?, "reason"?,
///                      "live_change"?: { "id", "kind", "by", "at", "reason"? } } ] }
/// ```
/// Keys are written in ascending order and members without a value are left out, in the
/// layout `JSONEncoder` gave this output before it was written directly.
struct UpcomingJSON {
    let query: UpcomingQuery
    let occurrences: [Occurrence]
    let layering: LiveLayering

    /// The document as UTF-8, ending without a newline.
    var bytes: OutputBuffer {
        written(into: OutputBuffer(capacity: 128 + occurrences.count * 420))
    }

    /// Writes the document into `output`, ending without a newline, letting it pass full
    /// chunks on between occurrences.
    func written(into output: consuming OutputBuffer) -> OutputBuffer {
        var json = JSONWriter(output: output)
        json.beginObject()
        json.member("from") { $0.appendUTC(query.window.start) }
        json.key("occurrences")
        json.beginArray()
        let years = ZoneOffsetTable.years(around: query.window)
        var seriesFields: [ObjectIdentifier: SeriesFields] = [:]
        for index in occurrences.indices {
            let identity = occurrences[index].seriesIdentity
            let fields: SeriesFields
            if let known = seriesFields[identity] {
                fields = known
            } else {
                fields = SeriesFields(occurrences[index].series, years: years)
                seriesFields[identity] = fields
            }
            write(occurrences[index], fields: fields, to: &json)
            json.writeIfFull()
        }
        json.endArray()
        json.member("until") { $0.appendUTC(query.window.end) }
        json.endObject()
        return json.output
    }

    /// Writes one element of `occurrences`, which it borrows from the array instead of copying.
    private func write(_ occurrence: Occurrence, fields: SeriesFields, to json: inout JSONWriter) {
        let originalStart = fields.offsets.instantSeconds(for: occurrence.originalStart)
        json.beginObject()
        json.member("end") { $0.append(occurrence.end, offsets: fields.offsets) }
        json.member("kind", fields.kind)
        if let change = layering.liveChange(for: occurrence) {
            json.key("live_change")
            json.beginObject()
            json.member("at") { $0.appendUTC(change.createdAt) }
            json.member("by", change.actor)
            json.member("id", change.id)
            json.member("kind", change.kind.name)
            json.member("reason", change.kind.reason)
            json.endObject()
        }
        if let location = occurrence.location {
            if location == fields.location {
                json.member("location", fields.quotedLocation)
            } else {
                json.member("location", location)
            }
        }
        json.member("online_meeting_url", occurrence.onlineMeetingURL?.absoluteString)
        json.member("original_start") { $0.append(secondsSince1970: originalStart, offsets: fields.offsets) }
        json.member("reason", occurrence.status.reason)
        json.member("series", fields.id)
        json.member("start") { $0.append(occurrence.start, offsets: fields.offsets) }
        json.member("status", occurrence.status.label)
        json.member("time_zone", fields.zone)
        json.member("title", fields.title)
        json.endObject()
    }

    /// What every occurrence of a series repeats, in its JSON form, with the offsets of its zone.
    /// A class, so that looking it up per occurrence retains one reference, not each field.
    private final class SeriesFields {
        let kind: JSONString
        let id: JSONString
        let title: JSONString
        let zone: JSONString
        /// The series' own place, which most occurrences keep, and its JSON form.
        let location: String?
        let quotedLocation: JSONString
        let offsets: ZoneOffsetTable

        init(_ series: MeetingSeries, years: ClosedRange<Int>) {
            kind = JSONString(series.kind.name)
            id = JSONString(series.id)
            title = JSONString(series.title)
            zone = JSONString(series.timeZone.identifier)
            location = series.location
            quotedLocation = JSONString(series.location ?? "")
            offsets = ZoneOffsetTable.shared(for: series.timeZone, covering: years)
        }
    }
}

extension OutputBuffer {
    /// `instant` on the clocks of the zone of `offsets` with its offset, as
    /// `TimeZone.iso8601(_:)` writes it: `2027-04-06T10:00:00+10:00`.
    mutating func append(_ instant: Date, offsets: ZoneOffsetTable) {
        append(secondsSince1970: Int(instant.timeIntervalSince1970.rounded(.down)), offsets: offsets)
    }

    /// The same for an instant in whole seconds since 1970.
    mutating func append(secondsSince1970 seconds: Int, offsets: ZoneOffsetTable) {
        let offset = offsets.offsetSeconds(at: seconds)
        append(LocalDateTime(secondsSinceEpoch: seconds + offset))
        append(offsetSeconds: offset)
    }

    /// `instant` in UTC as `ISO8601Format.utc(_:)` writes it: `2027-04-06T00:00:00Z`.
    mutating func appendUTC(_ instant: Date) {
        append(LocalDateTime(secondsSinceEpoch: Int(instant.timeIntervalSince1970.rounded(.down))))
        append(byte: UInt8(ascii: "Z"))
    }
}

/// UTC instants as `2027-04-06T00:00:00Z`.
enum ISO8601Format {
    static func utc(_ instant: Date) -> String {
        var output = OutputBuffer()
        output.appendUTC(instant)
        return output.string
    }
}
