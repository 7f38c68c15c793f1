import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// What `rhythm attendance list`, the API's attendance list and `rhythm status` ask of the
/// answers and links the store holds.
@Suite struct AnswerQueryTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    func answer(_ series: String, _ date: String, _ person: String) throws {
        _ = try database.setAttendance(
            seriesID: series, occurrenceDate: LocalDate(iso: date)!, personID: person, response: .attending, note: nil,
            delegateID: nil, actor: "cli:test", now: .reference)
    }

    @Test("answers are filtered by series, date, person and a set of people, counted and paged")
    func filters() throws {
        try answer("leaders", "2027-02-09", "ann")
        try answer("leaders", "2027-02-09", "bob")
        try answer("leaders", "2027-03-09", "ann")
        try answer("south", "2027-02-11", "cat")

        #expect(try database.countAttendance(matching: AttendanceFilter()) == 4)
        let onDate = AttendanceFilter(seriesID: "leaders", occurrenceDate: LocalDate(iso: "2027-02-09"))
        #expect(try database.attendance(matching: onDate).map(\.personID) == ["ann", "bob"])
        #expect(try database.countAttendance(matching: AttendanceFilter(personID: "ann")) == 2)
        let people = AttendanceFilter(personIDs: ["bob", "cat"])
        #expect(try database.attendance(matching: people).map(\.personID) == ["bob", "cat"])
        #expect(try database.countAttendance(matching: AttendanceFilter(personIDs: [])) == 0)
        let page = AttendanceFilter(limit: 2, offset: 1)
        #expect(
            try database.attendance(matching: page).map(\.occurrenceDate.description) == ["2027-02-09", "2027-02-11"])
        #expect(try database.countAttendance(matching: page) == 4)
    }

    @Test("active links are those neither revoked nor expired; an action's link has no expiry of its own")
    func activeLinks() throws {
        _ = try database.issueAnswerLink(personID: "ann", subject: .page, expiresAt: .reference + 60, now: .reference)
        _ = try database.issueAnswerLink(personID: "ann", subject: .action(3), expiresAt: nil, now: .reference)
        _ = try database.issueAnswerLink(personID: "bob", subject: .page, expiresAt: .reference + 600, now: .reference)
        #expect(try database.countActiveAnswerLinks(now: .reference) == 3)
        #expect(try database.countActiveAnswerLinks(now: .reference + 60) == 2)
        try database.revokeAnswerLinks(personID: "bob", now: .reference)
        #expect(try database.countActiveAnswerLinks(now: .reference + 60) == 1)
    }
}
