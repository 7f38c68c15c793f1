extension ConsoleHomePage {
    /// The CSS the fragment needs, for the layout to include once in its `<style>`: tables that
    /// become labelled blocks below 40em, charts that scale to the width, and a print style
    /// that keeps each chart on one page.
    public static let stylesheet = """
        .home-section { margin: 0 0 2rem; }
        .home-section table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
        .home-section caption { text-align: left; font-style: italic; padding: 0.25rem 0; }
        .home-section th, .home-section td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; \
        border-bottom: 1px solid #ccc; }
        .home-section .warn { color: #8a1c00; }
        .home-section .tag { font-size: 0.85em; font-weight: normal; border: 1px solid currentColor; \
        border-radius: 0.25rem; padding: 0 0.25rem; }
        .days { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); \
        gap: 0.5rem; }
        .day { border: 1px solid #ccc; border-radius: 0.25rem; padding: 0.5rem; }
        .day.today { border: 2px solid #0072b2; }
        .day h4 { margin: 0 0 0.25rem; font-size: 1rem; }
        .day .none { margin: 0; color: #555; }
        .meetings { margin: 0; padding-left: 1rem; }
        .meetings .cancelled .title { text-decoration: line-through; }
        .meetings .where { color: #444; font-size: 0.9em; }
        .figures { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
        .figures strong { font-size: 1.4em; }
        .chart-figure { margin: 0 0 1.5rem; max-width: 48rem; }
        .chart-figure figcaption { font-weight: bold; margin-bottom: 0.25rem; }
        .chart { width: 100%; height: auto; display: block; }
        @media (max-width: 40em) {
            .home-section table, .home-section thead, .home-section tbody, .home-section tr, \
        .home-section th, .home-section td { display: block; }
            .home-section caption { display: block; }
            .home-section thead { position: absolute; left: -9999px; }
            .home-section tr { border-bottom: 2px solid #999; padding: 0.25rem 0; }
            .home-section td { border: none; padding: 0.15rem 0.5rem; }
            .home-section td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
        }
        @media print {
            .home-section { break-inside: avoid-page; }
            .chart-figure { break-inside: avoid; }
        }
        """
}
