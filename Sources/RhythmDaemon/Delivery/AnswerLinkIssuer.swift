import Foundation
import RhythmCore
import RhythmStore

/// Issues the answer links of one e-mail through the store, all in one transaction, so the
/// composer needs nothing but this value to put links that work into a message.
struct AnswerLinkIssuer: Sendable {
    let store: AppDatabase
    /// `service.baseURL`, which every link starts with.
    let baseURL: String
    /// `service.answer_links`.
    let lifetimes: AnswerLinkLifetimes

    init(store: AppDatabase, service: ServiceSettings) {
        self.store = store
        baseURL = service.baseURL
        lifetimes = service.answerLinks
    }

    /// What a message to `personID` composed at `now` starts from.
    func needs(personID: String, now: Date) -> AnswerLinkNeeds {
        AnswerLinkNeeds(personID: personID, lifetimes: lifetimes, now: now)
    }

    /// Issues every link of `needs`, at its `now`.
    func issue(_ needs: AnswerLinkNeeds) throws(StoreError) -> AnswerLinks {
        AnswerLinks(try store.issueAnswerLinks(needs.requests, now: needs.now), base: baseURL)
    }
}
