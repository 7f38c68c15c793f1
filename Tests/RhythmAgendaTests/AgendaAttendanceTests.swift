import Foundation
import RhythmAgenda
import RhythmCore
import Testing

/// The answers on a rendered agenda: shown in every format once someone has answered, with
/// the note escaped in HTML, and left out before anyone has.
@Suite struct AgendaAttendanceTests {
    @Test("every format shows confirmed of invited, the apology with its note and delegate, maybes and silence")
    func answersShown() throws {
        let renderer = try AgendaRenderer()
        let text = renderer.render(SampleAgenda.agenda, format: .text)
        #expect(text.contains("ANSWERS\n  2 of 4 confirmed\n"))
        #expect(
            text.contains(
                "    Fiona McAllister (Harbour Foundation); Kofi Mensah comes instead: On leave <Scotland> & offline\n")
        )
        #expect(text.contains("  Maybe: Hemi Walker\n  No answer yet: Tane Ruru\n"))
        let markdown = renderer.render(SampleAgenda.agenda, format: .markdown)
        #expect(markdown.contains("## Answers\n\n**2 of 4 confirmed**"))
        let html = renderer.render(SampleAgenda.agenda, format: .html)
        #expect(html.contains("<strong>2 of 4 confirmed</strong>"))
        #expect(html.contains("<em>On leave &lt;Scotland&gt; &amp; offline</em>"))
    }

    @Test("an agenda nobody has answered for has no answers section, so it does not list everyone as silent")
    func noAnswersNoSection() throws {
        var agenda = SampleAgenda.agenda
        agenda.header.attendance = AttendanceSummary()
        let renderer = try AgendaRenderer()
        #expect(!(renderer.render(agenda, format: .text)).contains("ANSWERS"))
        #expect(!(renderer.render(agenda, format: .markdown)).contains("## Answers"))
        #expect(!(renderer.render(agenda, format: .html)).contains("Answers</th>"))
    }
}
