import RobinModel

/// The HTML part of the report email, built from metrics.json for mail clients:
/// nested tables for layout, every style inline (Gmail and Outlook drop
/// `<style>` elements in places, so there is none), no SVG and no images;
/// charts are `EmailBar` tables. Every exported name is escaped. It leads
/// with the report's opening ("At a glance": what changed, targets, what needs
/// attention), the very sentences of report.md (`InsightText`).
public struct EmailHTML {
    /// The report's metrics.json, read.
    public var metrics: MetricsDocument
    /// The subject, repeated as the page title.
    public var title: String
    /// Departments shown in the attendance breakdown, most attended first.
    public var maxDepartments = 12
    /// The full report's address (`email.report_url`, filled in): a "Read the full report" link at the top and bottom.
    public var reportURL: String?

    public init(metrics: MetricsDocument, title: String) {
        self.metrics = metrics
        self.title = title
    }

    /// The report's two opening sentences (`ReportSummary`): the first paragraph,
    /// and the preheader inbox lists show after the subject.
    public var summary: String { ReportSummary.text(metrics) }

    /// The whole document: a fixed 600 px card (an MSO conditional "ghost"
    /// table holds it at 600 px in Outlook for Windows, which ignores
    /// `max-width`), the summary as a hidden preheader and first paragraph.
    public var html: String {
        let name = metrics.name
        var rows = [header(name)] + reportLink()
        if let opening = opening() { rows.append(opening) }
        rows.append(kpiTable())
        rows.append(section("Desk utilization by building", bars(metrics.desks.byBuilding.map {
            ($0.key["building"] ?? "", $0.deskUtilization, Figures.percent($0.deskUtilization))
        })))
        rows.append(section("People in the office each day", dailyBars()))
        rows.append(section("Room utilization by building", bars(metrics.rooms.byBuilding.map {
            ($0.key["building"] ?? "", $0.utilization, Figures.percent($0.utilization))
        })))
        rows.append(section("Average daily attendance by department", departmentBars()))
        rows += reportLink() + [footer(name)]
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscaping.escape(title))</title>
            </head>
            <body style="margin:0;padding:0;background-color:\(EmailPalette.page);">
            <div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:\(EmailPalette.page);">\(HTMLEscaping.escape(summary))</div>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="\(EmailPalette.page)" style="width:100%;background-color:\(EmailPalette.page);">
            <tr><td align="center" style="padding:24px 8px;">
            <!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td width="600"><![endif]-->
            <table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0" bgcolor="\(EmailPalette.card)" style="width:100%;max-width:600px;margin:0 auto;background-color:\(EmailPalette.card);border-collapse:collapse;font-family:\(EmailPalette.font);color:\(EmailPalette.text);">
            \(rows.joined(separator: "\n"))
            </table>
            <!--[if mso]></td></tr></table><![endif]-->
            </td></tr>
            </table>
            </body>
            </html>

            """
    }

    private func header(_ name: PeriodName) -> String {
        let workdays = metrics.workdays.map { ", \(Figures.count($0)) workday\($0 == 1 ? "" : "s")" } ?? ""
        return """
            <tr><td style="padding:24px 24px 8px 24px;">
            <h1 style="margin:0;font-family:\(EmailPalette.font);font-size:22px;line-height:28px;font-weight:bold;color:\(EmailPalette.heading);">Workplace report: \(HTMLEscaping.escape((metrics.audience.map { "\($0.name), " } ?? "") + name.label))</h1>
            <p style="margin:4px 0 0 0;font-family:\(EmailPalette.font);font-size:14px;line-height:20px;color:\(EmailPalette.muted);">\(metrics.period.from) to \(metrics.period.to)\(workdays)</p>
            <p style="margin:12px 0 0 0;font-family:\(EmailPalette.font);font-size:15px;line-height:22px;color:\(EmailPalette.text);">\(HTMLEscaping.escape(summary))</p>
            </td></tr>
            """
    }

    /// The report's opening, section by section: each item a bulleted sentence, or
    /// the section's one line when it has none; nil for a metrics.json without insights.
    private func opening() -> String? {
        let sections = InsightText(metrics).sections
        guard !sections.isEmpty else { return nil }
        let text = "font-family:\(EmailPalette.font);font-size:14px;line-height:20px;color:\(EmailPalette.text);"
        let parts = sections.map { part in
            var html = "<h3 style=\"margin:12px 0 4px 0;font-family:\(EmailPalette.font);font-size:14px;line-height:20px;"
                + "font-weight:bold;color:\(EmailPalette.heading);\">\(HTMLEscaping.escape(part.title))</h3>\n"
            if part.items.isEmpty {
                html += "<p style=\"margin:0;\(text)color:\(EmailPalette.muted);\">\(part.none.html)</p>"
            } else {
                html += "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse;\">\n"
                    + part.items.map { item in
                        "<tr><td width=\"16\" valign=\"top\" style=\"width:16px;\(text)padding:2px 0;\">&#8226;</td>"
                            + "<td style=\"\(text)padding:2px 0;\">\(item.html)</td></tr>"
                    }.joined(separator: "\n") + "\n</table>"
            }
            if !part.more.isEmpty {
                let count = part.more.count
                html += "\n<p style=\"margin:4px 0 0 0;\(text)color:\(EmailPalette.muted);\">…and \(Figures.count(count)) smaller "
                    + "change\(count == 1 ? "" : "s") in the full report.</p>"
            }
            return html
        }
        return section("At a glance", parts.joined(separator: "\n"))
    }

    /// The headline measures (`Measure.headline`), written as the report writes them.
    private func kpiTable() -> String {
        let current = metrics, previous = metrics.previous
        let head = "font-family:\(EmailPalette.font);font-size:12px;line-height:16px;color:\(EmailPalette.muted);font-weight:normal;padding:0 0 6px 0;"
        let cell = "font-family:\(EmailPalette.font);font-size:14px;line-height:20px;padding:7px 0;border-top:1px solid \(EmailPalette.rule);"
        var rows = ["<tr><th align=\"left\" style=\"\(head)\">Headline</th>"
                    + "<th align=\"right\" style=\"\(head)\">\(periodWord())</th>"
                    + "<th align=\"right\" style=\"\(head)padding-left:12px;\">Previous</th>"
                    + "<th align=\"right\" style=\"\(head)padding-left:12px;\">Change</th></tr>"]
        for measure in Measure.headline {
            var value = Self.unbroken(measure.text(in: current))
            if let note = measure.note(in: current) {
                value += " <span style=\"color:\(EmailPalette.muted);font-weight:normal;\">(\(Self.unbroken(note)))</span>"
            }
            let change = measure.change(from: previous, to: current)
            let color = switch change.map(measure.tone) {
            case .good: EmailPalette.good
            case .bad: EmailPalette.bad
            default: EmailPalette.muted
            }
            let before = previous == nil ? Figures.missing : measure.text(in: previous)
            rows.append("<tr><td style=\"\(cell)\">\(HTMLEscaping.escape(measure.label))</td>"
                        + "<td align=\"right\" style=\"\(cell)font-weight:bold;\">\(value)</td>"
                        + "<td align=\"right\" style=\"\(cell)padding-left:12px;color:\(EmailPalette.muted);\">\(Self.unbroken(before))</td>"
                        + "<td align=\"right\" style=\"\(cell)padding-left:12px;color:\(color);\">\(Self.unbroken(change?.text ?? Figures.missing))</td></tr>")
        }
        return """
            <tr><td style="padding:16px 24px 8px 24px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;">
            \(rows.joined(separator: "\n"))
            </table>
            </td></tr>
            """
    }

    private func periodWord() -> String {
        switch ReportPeriod.range(metrics.period).kind {
        case .week: "This week"
        case .month: "This month"
        case .custom: "This period"
        }
    }

    private func dailyBars() -> String {
        let most = metrics.desks.daily.compactMap(\.people).max() ?? 0
        return bars(metrics.desks.daily.map { day in
            (Figures.shortDate(day.date), day.people.map { most > 0 ? Double($0) / Double(most) : 0 },
             day.people.map(Figures.count) ?? Figures.missing)
        })
    }

    private func departmentBars() -> String {
        let sorted = metrics.desks.byDepartment.enumerated().sorted {
            ($0.element.avgDailyPeople ?? -1, -$0.offset) > ($1.element.avgDailyPeople ?? -1, -$1.offset)
        }.map(\.element)
        let shown = sorted.prefix(maxDepartments)
        let most = shown.compactMap(\.avgDailyPeople).max() ?? 0
        var html = bars(shown.map { group in
            (group.key["department"] ?? "", group.avgDailyPeople.map { most > 0 ? $0 / most : 0 },
             Figures.decimal(group.avgDailyPeople))
        })
        if sorted.count > shown.count {
            html += "\n<p style=\"margin:6px 0 0 0;font-family:\(EmailPalette.font);font-size:12px;line-height:16px;color:\(EmailPalette.muted);\">"
                + "and \(sorted.count - shown.count) more in the full report.</p>"
        }
        return html
    }

    /// Rows of label, bar and value; `fraction` nil draws an empty track.
    private func bars(_ items: [(label: String, fraction: Double?, value: String)]) -> String {
        guard !items.isEmpty else {
            return "<p style=\"margin:0;font-family:\(EmailPalette.font);font-size:13px;color:\(EmailPalette.muted);\">No data in this period.</p>"
        }
        let text = "font-family:\(EmailPalette.font);font-size:13px;line-height:18px;"
        let rows = items.map { item in
            "<tr><td width=\"34%\" style=\"width:34%;\(text)padding:3px 8px 3px 0;\">\(HTMLEscaping.escape(item.label))</td>"
                + "<td width=\"50%\" style=\"width:50%;padding:3px 0;\">\(EmailBar(fraction: item.fraction ?? 0).html)</td>"
                + "<td width=\"16%\" align=\"right\" style=\"width:16%;\(text)padding:3px 0 3px 8px;\">\(Self.unbroken(item.value))</td></tr>"
        }
        return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse;\">\n"
            + rows.joined(separator: "\n") + "\n</table>"
    }

    /// A figure escaped, with non-breaking spaces so it never wraps
    /// (`▲&nbsp;7.3%`): mail clients differ on `white-space`, not on `&nbsp;`.
    static func unbroken(_ text: String) -> String {
        HTMLEscaping.escape(text).replacingOccurrences(of: " ", with: "&nbsp;")
    }

    /// The "Read the full report" row, when there is a link.
    private func reportLink() -> [String] {
        reportURL.map { ["<tr><td style=\"padding:8px 24px;font-family:\(EmailPalette.font);font-size:14px;line-height:20px;\"><a href=\"\(HTMLEscaping.escape($0))\" style=\"color:\(EmailPalette.heading);font-weight:bold;\">Read the full report</a></td></tr>"] } ?? []
    }

    private func section(_ heading: String, _ body: String) -> String {
        """
        <tr><td style="padding:16px 24px 8px 24px;">
        <h2 style="margin:0 0 8px 0;font-family:\(EmailPalette.font);font-size:16px;line-height:22px;font-weight:bold;color:\(EmailPalette.heading);">\(HTMLEscaping.escape(heading))</h2>
        \(body)
        </td></tr>
        """
    }

    private func footer(_ name: PeriodName) -> String {
        let comparison = metrics.previous.map { "Changes compare with \(ReportPeriod.range($0.period).title)." }
            ?? "No data for the previous period was at hand, so there is no change to show."
        return """
            <tr><td style="padding:16px 24px 24px 24px;border-top:1px solid \(EmailPalette.rule);">
            <p style="margin:0;font-family:\(EmailPalette.font);font-size:12px;line-height:18px;color:\(EmailPalette.muted);">\(comparison) Utilization counts workdays only; rates are shares of kept desk bookings and of meetings. Small departments are folded into one group, and no person is ever named. The full report, with charts and metric definitions, is filed under \(HTMLEscaping.escape(name.folder)).</p>
            </td></tr>
            """
    }
}
