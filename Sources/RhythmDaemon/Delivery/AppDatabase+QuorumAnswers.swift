import RhythmCore
import RhythmStore

extension AppDatabase {
    /// The answers quorum warnings are planned from: every answer for a series of
    /// `initiative` that has a `quorum:`. Planning, dispatching and `rhythm simulate` read
    /// them the same way, so they agree on which warnings are due.
    public func quorumAnswers(for initiative: Initiative) throws(StoreError) -> [Attendance] {
        var answers: [Attendance] = []
        for series in initiative.series where series.quorum != nil {
            answers += try attendance(seriesID: series.id, occurrenceDate: nil)
        }
        return answers
    }
}
