import RhythmCore
import Testing

/// The text a chat button carries and brings back.
@Suite struct ChatAnswerTests {
    static let date = LocalDate(year: 2027, month: 3, day: 9)!

    @Test(
        "each answer reads back from its value",
        arguments: [
            ChatAnswer.attending(seriesID: "leadership-table", occurrenceDate: date),
            .apologies(seriesID: "leadership-table", occurrenceDate: date),
            .done(actionID: 42),
        ])
    func roundTrip(_ answer: ChatAnswer) {
        #expect(ChatAnswer(value: answer.value) == answer)
    }

    @Test(
        "text that is not an answer Rhythm gives reads as nothing",
        arguments: [
            "", "done", "done|", "done|0", "done|-3", "done|x", "attending|board", "tentative|board|2027-03-09",
            "attending||2027-03-09", "attending|board|2027-13-40", "maybe|board|2027-03-09", "done|1|2",
        ])
    func junk(_ value: String) {
        #expect(ChatAnswer(value: value) == nil)
    }

    @Test("a meeting post offers I'll be there and Apologies, an action post Done")
    func buttonsOfAPost() {
        let meeting = ChatAnswer.meeting(seriesID: "board", occurrenceDate: Self.date)
        #expect(meeting.map(\.label) == ["I'll be there", "Apologies"])
        #expect(meeting[1].buttonsOfItsPost == meeting)
        #expect(ChatAnswer.done(actionID: 5).buttonsOfItsPost.map(\.label) == ["Done"])
    }
}
