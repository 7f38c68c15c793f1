import Foundation
import RhythmCore

/// RFC 3339 instants in UTC, to the second: `2026-11-24T13:19:25Z`.
func instantText(_ date: Date) -> String {
    date.formatted(.iso8601)
}

extension Action {
    /// The API's JSON form, snake_case throughout.
    var json: JSONValue {
        .object([
            "id": .integer(id),
            "title": .string(title),
            "details": .optional(details),
            "owner_id": .string(ownerID),
            "partner_id": .optional(partnerID),
            "group_id": .optional(groupID),
            "series_id": .optional(seriesID),
            "raised_on": .optional(raisedOn),
            "due": .optional(due),
            "status": .string(status.rawValue),
            "created_at": .string(instantText(createdAt)),
            "updated_at": .string(instantText(updatedAt)),
        ])
    }
}

extension AgendaItem {
    var json: JSONValue {
        .object([
            "id": .integer(id),
            "series_id": .string(seriesID),
            "occurrence_date": .string(occurrenceDate.description),
            "position": .integer(Int64(position)),
            "title": .string(title),
            "presenter_id": .optional(presenterID),
            "minutes": minutes.map { .integer(Int64($0)) } ?? .null,
            "notes": .optional(notes),
            "submitted_by": .string(submittedBy),
            "created_at": .string(instantText(createdAt)),
            "updated_at": .string(instantText(updatedAt)),
            "withdrawn_at": withdrawal.map { .string(instantText($0.at)) } ?? .null,
            "withdrawn_by": .optional(withdrawal?.by),
        ])
    }
}

extension IndicatorResult {
    var json: JSONValue {
        .object([
            "id": .integer(id),
            "indicator_id": .string(indicatorID),
            "period": .string(period.description),
            "value": .number(value),
            "note": .optional(note),
            "recorded_by": .string(recordedBy),
            "recorded_at": .string(instantText(recordedAt)),
        ])
    }
}

extension Attendance {
    /// The same keys as `rhythm attendance list --format json`.
    var json: JSONValue {
        .object([
            "id": .integer(id),
            "series_id": .string(seriesID),
            "occurrence_date": .string(occurrenceDate.description),
            "person_id": .string(personID),
            "response": .string(response.rawValue),
            "note": .optional(note),
            "delegate_id": .optional(delegateID),
            "answered_by": .string(answeredBy),
            "answered_at": .string(instantText(answeredAt)),
        ])
    }
}
