import RobinMarkdown
import RobinModel

extension InsightSentence {
    /// For report.md: names escaped as Markdown text (`MarkdownEscape.inline`), so an
    /// exported `*Sales* | Ops` reads literally; our words and figures as they are.
    public var markdown: String {
        text(names: MarkdownEscape.inline)
    }
}

/// The template values of the report's opening ("At a glance") and of its
/// planning parts: desk capacity, the days booked ahead and anchor days.
extension ReportContext {
    /// The opening's sections (`glance`): title, `items` (each `text`), or the `none` line.
    func glance() -> [[String: Any]] {
        InsightText(headline.documents.current).sections.map { section in
            [
                "title": section.title,
                "items": section.items.map { ["text": $0.markdown] },
                "hasItems": !section.items.isEmpty,
                "none": section.none.markdown,
                "hasMore": !section.more.isEmpty,
                "moreCount": Figures.count(section.more.count),
            ]
        }
    }

    /// The changes past the opening's limit, listed after the figures (`more`).
    func moreChanges() -> [[String: Any]] {
        InsightText(headline.documents.current).sections.flatMap(\.more).map { ["text": $0.markdown] }
    }

    /// Desk capacity, booked ahead and anchor days, and the words around them.
    func planning() -> [String: Any] {
        let rows = ReportTables(metrics: metrics)
        let ahead = metrics.forward?.period ?? Period(from: metrics.period.to.adding(days: 1), to: metrics.period.to.adding(days: 7))!
        let weekdays = rows.anchorWeekdays, closed = closedDates()
        let anchorRows = zip(rows.anchorDays().templateRows, metrics.colocation.byDepartment.sortedByName).map { row, group in
            var row = row
            // The anchor day's share in bold: the table does not rely on position or colour to show it.
            row["shares"] = weekdays.map { weekday -> [String: Any] in
                let text = row[Weekday.name(weekday)] as? String ?? Figures.missing
                return ["share": weekday == group.figures.anchorWeekday && text != Figures.missing ? "**\(text)**" : text]
            }
            return row
        }
        return [
            "deskCapacity": rows.deskCapacity().templateRows,
            "hasDeskCapacity": !metrics.capacity.byBuilding.isEmpty,
            "aheadTitle": ReportPeriod.range(ahead).span,
            "hasForward": metrics.forward != nil,
            "bookedAhead": rows.bookedAhead().templateRows,
            "hasBookedAhead": !(metrics.forward?.byBuilding.isEmpty ?? true),
            "anchorWeekdays": weekdays.map { ["name": Weekday.name($0)] },
            "anchorDays": anchorRows,
            "hasAnchorDays": !anchorRows.isEmpty,
            "closedDates": closed,
            "hasClosedDates": !closed.isEmpty,
        ]
    }

    /// The configured closed dates within the period, in words: "Thursday 26 November".
    private func closedDates() -> String {
        input.settings.closedDates.filter(metrics.period.contains).sorted()
            .map(DateWords.long)
            .joined(separator: ", ")
    }
}

extension Array where Element == Group<AnchorDays> {
    /// Department groups in the report's order (`NaturalOrder`), as `ReportTables.anchorDays` sorts them.
    fileprivate var sortedByName: [Element] {
        ReportTables.byName(self, "department")
    }
}
