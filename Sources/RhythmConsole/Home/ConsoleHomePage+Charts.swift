import RhythmCore
import RhythmDelivery

extension ConsoleHomePage {
    static func attendanceSection(_ home: ConsoleHome) -> String {
        let figures = home.series.filter { !$0.recentMeetings.isEmpty }.map { attendanceFigure($0) }
        let body =
            figures.isEmpty
            ? "<p>No meeting was held in the last year.</p>"
            : "<p>The share of each partner's invited people who were coming, at the last "
                + "\(SeriesTimeline.chartMeetings) meetings held of each series.</p>" + figures.joined()
        return section("home-attendance", "Attendance by partner", body)
    }

    static func attendanceChart(_ row: SeriesHealth) -> BarChart {
        let partners = row.recentMeetings.last?.byPartner ?? []
        let dates = row.recentMeetings.map { HomeFormat.date($0.date) }
        let series = partners.map { partner in
            BarChart.Series(
                name: partner.partnerName,
                values: row.recentMeetings.map { meeting in
                    meeting.byPartner.first { $0.partnerID == partner.partnerID }?.share.percent
                })
        }
        let words = zip(dates, row.recentMeetings).map { date, meeting in
            "\(date): "
                + meeting.byPartner.map { "\($0.partnerName) \(percentWords($0.share.percent))" }.joined(
                    separator: ", ")
        }
        return BarChart(
            id: "chart-attendance-\(row.series.id)",
            title: "\(row.series.title): attendance by partner",
            description: "Share of each partner's invited people coming. " + words.joined(separator: ". ") + ".",
            categories: dates, series: series, unit: "%", fixedMaximum: 100)
    }

    static func attendanceFigure(_ row: SeriesHealth) -> String {
        let chart = attendanceChart(row)
        return figure(
            caption: "\(row.series.title): attendance by partner, last \(row.recentMeetings.count) meetings",
            svg: chart.svg,
            table: dataTable(
                corner: "Partner", columns: chart.categories,
                rows: chart.series.map { ($0.name, $0.values.map { percentWords($0) }) }))
    }

    static func actionsSection(_ home: ConsoleHome) -> String {
        let counts = actionCountsChart(home.actions)
        let ages = actionAgeChart(home.actions)
        let body =
            "<p>Actions opened and closed (done or dropped) each month, and the median age of the actions "
            + "open at each month's end; the current month runs to today.</p>"
            + figure(
                caption: "Actions opened and closed per month", svg: counts.svg,
                table: dataTable(
                    corner: "Month", columns: counts.series.map(\.name),
                    rows: counts.categories.enumerated().map { index, month in
                        (month, counts.series.map { percentless($0.values[index]) })
                    }))
            + figure(
                caption: "Median age of open actions at month end, in days", svg: ages.svg,
                table: dataTable(
                    corner: "Month", columns: ["Open", "Median age (days)"],
                    rows: home.actions.months.enumerated().map { index, month in
                        (ages.categories[index], ["\(month.openAtEnd)", percentless(month.medianOpenAgeDays)])
                    }))
        return section("home-actions", "Actions", body)
    }

    static func actionCountsChart(_ trend: ActionTrend) -> BarChart {
        let months = trend.months.map(monthLabel)
        let words = zip(months, trend.months).map { "\($0): \($1.opened) opened, \($1.closed) closed" }
        return BarChart(
            id: "chart-actions", title: "Actions opened and closed per month",
            description: words.joined(separator: "; ") + ".", categories: months,
            series: [
                BarChart.Series(name: "Opened", values: trend.months.map { Double($0.opened) }),
                BarChart.Series(name: "Closed", values: trend.months.map { Double($0.closed) }),
            ],
            unit: "", fixedMaximum: nil)
    }

    static func actionAgeChart(_ trend: ActionTrend) -> LineChart {
        let months = trend.months.map(monthLabel)
        let words = zip(months, trend.months).map { month, data in
            "\(month): "
                + (data.medianOpenAgeDays.map { "\(percentless($0)) days over \(data.openAtEnd) open" } ?? "none open")
        }
        return LineChart(
            id: "chart-action-age", title: "Median age of open actions at month end",
            description: words.joined(separator: "; ") + ".", categories: months, name: "Median age in days",
            values: trend.months.map(\.medianOpenAgeDays), unit: "", target: nil)
    }

    static func indicatorsSection(_ home: ConsoleHome) -> String {
        let figures = home.indicators.map { trend in
            let chart = indicatorChart(trend)
            return figure(
                caption: "\(trend.indicator.name) (\(trend.indicator.unit))", svg: chart.svg,
                table: dataTable(
                    corner: "Period", columns: ["Value", "Target"],
                    rows: trend.points.map { point in
                        (point.period.description, [percentless(point.value), percentless(trend.indicator.target)])
                    }))
        }
        let body = figures.isEmpty ? "<p>The configuration names no indicator.</p>" : figures.joined()
        return section("home-indicators", "Indicators against target", body)
    }

    static func indicatorChart(_ trend: IndicatorTrend) -> LineChart {
        let indicator = trend.indicator
        let unit = indicator.unit == "%" ? "%" : ""
        let direction = indicator.direction == .higherIsBetter ? "higher is better" : "lower is better"
        let target =
            indicator.target.map { "Target \(ChartStyle.format($0, unit: unit)), \(direction)." } ?? "No target."
        let values = trend.points.map { point in
            "\(point.period): " + (point.value.map { ChartStyle.format($0, unit: unit) } ?? "not recorded")
        }
        return LineChart(
            id: "chart-indicator-\(indicator.id)", title: "\(indicator.name) against its target",
            description: "\(target) " + values.joined(separator: "; ") + ".",
            categories: trend.points.map(\.period.description), name: indicator.name,
            values: trend.points.map(\.value), unit: unit, target: indicator.target)
    }

    static func monthLabel(_ month: ActionTrend.Month) -> String {
        "\(month.firstDay.monthName.prefix(3)) \(month.firstDay.year)" + (month.isCurrent ? " (so far)" : "")
    }

    static func percentWords(_ percent: Double?) -> String {
        percent.map { ChartStyle.format($0, unit: "%") } ?? "nobody invited"
    }

    static func percentless(_ value: Double?) -> String {
        value.map { ChartStyle.format($0, unit: "") } ?? "—"
    }

    /// A chart with its caption and, folded away, the table of its numbers: the text
    /// alternative for people who cannot see it and for copying.
    static func figure(caption: String, svg: String, table: String) -> String {
        "<figure class=\"chart-figure\"><figcaption>\(HTMLText.escape(caption))</figcaption>\(svg)"
            + "<details class=\"chart-data\"><summary>The numbers</summary>\(table)</details></figure>"
    }

    static func dataTable(corner: String, columns: [String], rows: [(String, [String])]) -> String {
        "<table class=\"numbers\"><thead><tr><th scope=\"col\">\(HTMLText.escape(corner))</th>"
            + columns.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { name, cells in
                "<tr><th scope=\"row\">\(HTMLText.escape(name))</th>"
                    + cells.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>"
            }.joined() + "</tbody></table>"
    }
}
