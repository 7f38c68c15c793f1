import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// The links of one message are issued together, in one transaction.
@Suite struct AnswerLinkBatchTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    @Test("each link of a batch opens for its own person, subject and expiry, in the order asked")
    func batch() throws {
        let meeting = LocalDate(iso: "2027-02-09")!
        let requests = [
            AnswerLinkRequest(
                personID: "ann", subject: .attendance(seriesID: "leadership-table", occurrenceDate: meeting),
                expiresAt: .reference + 86_400),
            AnswerLinkRequest(personID: "ann", subject: .action(7), expiresAt: nil),
            AnswerLinkRequest(personID: "ann", subject: .page, expiresAt: .reference + 90 * 86_400),
        ]
        let issued = try database.issueAnswerLinks(requests, now: .reference)
        #expect(issued.map(\.record.subject) == requests.map(\.subject))
        #expect(Set(issued.map(\.token)).count == 3)
        for (link, request) in zip(issued, requests) {
            let found = try #require(try database.answerLink(forToken: link.token, now: .reference))
            #expect(found.personID == request.personID && found.subject == request.subject)
            #expect(found.expiresAt == request.expiresAt)
        }
        #expect(try database.issueAnswerLinks([], now: .reference).isEmpty)
    }
}
