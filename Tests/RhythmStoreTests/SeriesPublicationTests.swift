import Foundation
import Testing

@testable import RhythmStore

/// The SEQUENCE and LAST-MODIFIED a feed publishes for each series.
@Suite struct SeriesPublicationTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    @Test("a series published for the first time starts at sequence 0")
    func first() throws {
        let states = try database.recordPublications(["attendance-wg": "f1"], now: .reference)
        #expect(
            states["attendance-wg"]
                == SeriesPublication(
                    seriesID: "attendance-wg", fingerprint: "f1", sequence: 0, createdAt: .reference,
                    lastModifiedAt: .reference))
        #expect(try database.publicationStates() == states)
    }

    @Test("the same fingerprint again changes nothing")
    func unchanged() throws {
        let before = try database.recordPublications(["attendance-wg": "f1"], now: .reference)
        let after = try database.recordPublications(
            ["attendance-wg": "f1"], now: Date.reference.addingTimeInterval(86_400))
        #expect(after == before)
        #expect(try database.publicationStates() == before)
    }

    @Test("a changed fingerprint bumps the sequence and the last modification, not the creation")
    func changed() throws {
        _ = try database.recordPublications(["transitions-wg": "f1"], now: .reference)
        let day = Date.reference.addingTimeInterval(86_400)
        let second = try database.recordPublications(["transitions-wg": "f2"], now: day)
        #expect(
            second["transitions-wg"]
                == SeriesPublication(
                    seriesID: "transitions-wg", fingerprint: "f2", sequence: 1, createdAt: .reference,
                    lastModifiedAt: day))
        let week = Date.reference.addingTimeInterval(7 * 86_400)
        let third = try database.recordPublications(["transitions-wg": "f1"], now: week)
        #expect(third["transitions-wg"]?.sequence == 2)
        #expect(third["transitions-wg"]?.lastModifiedAt == week)
        #expect(try database.publicationStates() == third)
    }

    @Test("several series in one call: each new, unchanged or changed on its own, others untouched")
    func several() throws {
        _ = try database.recordPublications(["a": "1", "b": "1", "c": "1"], now: .reference)
        let later = Date.reference.addingTimeInterval(3600)
        let states = try database.recordPublications(["a": "1", "b": "2", "d": "1"], now: later)
        #expect(Set(states.keys) == ["a", "b", "d"])
        #expect(states["a"]?.sequence == 0)
        #expect(states["a"]?.lastModifiedAt == .reference)
        #expect(states["b"]?.sequence == 1)
        #expect(states["b"]?.lastModifiedAt == later)
        #expect(states["d"]?.sequence == 0)
        #expect(states["d"]?.createdAt == later)
        let all = try database.publicationStates()
        #expect(Set(all.keys) == ["a", "b", "c", "d"])
        #expect(all["c"]?.lastModifiedAt == .reference)
    }

    @Test("states survive reopening the file")
    func persisted() throws {
        let states = try database.recordPublications(["community-forum": "x"], now: .reference)
        #expect(try directory.open().publicationStates() == states)
    }
}
