/// Bars for email, where SVG does not survive (Gmail and Outlook drop it):
/// an HTML `<table>` with inline styles only, one row per item:
/// label | bar | value text.
///
/// The bar is a nested table whose filled cell has a width in percent of the
/// largest value and a background colour (also as `bgcolor`, which Outlook's
/// Word engine honours). No `<style>`, no classes, no images; text colours
/// are inherited so a client's dark mode still applies. Labels, values and
/// the title are escaped.
public enum EmailBars {
    /// The fill of a bar: a mid-tone blue that reads on light and dark backgrounds.
    static let barColor = "#3572b0"
    static let font = "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px;"

    /// A table titled `title` with one bar per row, scaled to the largest value
    /// (negative and non-finite values draw no bar). `display` is the value as
    /// the reader should see it (e.g. "45%"). No rows gives a "No data" row.
    public static func table(title: String, rows: [(label: String, value: Double, display: String)]) -> String {
        let top = rows.map { $0.value.isFinite ? $0.value : 0 }.max() ?? 0
        var html = "<table cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\" "
            + "style=\"border-collapse:collapse;width:100%;max-width:600px;\(font)\">\n"
        html += "<tr><th colspan=\"3\" align=\"left\" scope=\"colgroup\" "
            + "style=\"text-align:left;font-weight:bold;padding:0 0 8px 0;\">\(Markup.escape(title))</th></tr>\n"
        if rows.isEmpty {
            html += "<tr><td colspan=\"3\" style=\"padding:4px 0;\">No data</td></tr>\n"
        }
        for row in rows {
            let share = top > 0 && row.value.isFinite ? min(max(row.value / top, 0), 1) : 0
            html += "<tr>"
            html += "<th scope=\"row\" align=\"left\" style=\"text-align:left;font-weight:normal;"
                + "padding:4px 12px 4px 0;white-space:nowrap;\">\(Markup.escape(row.label))</th>"
            html += "<td width=\"100%\" style=\"width:100%;padding:4px 0;\">\(bar(share))</td>"
            html += "<td align=\"right\" style=\"text-align:right;padding:4px 0 4px 12px;white-space:nowrap;\">"
                + "\(Markup.escape(row.display))</td>"
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// A 14 px high bar filling `share` (0...1) of its cell.
    static func bar(_ share: Double) -> String {
        // In hundredths of a percent, so the two cells always add up to exactly 100%.
        let units = Int((min(max(share, 0), 1) * 10_000).rounded())
        let filled = ChartNumber.format(Double(units) / 100)
        let rest = ChartNumber.format(Double(10_000 - units) / 100)
        var cells = ""
        if filled != "0" {
            cells += "<td width=\"\(filled)%\" bgcolor=\"\(barColor)\" style=\"width:\(filled)%;"
                + "background-color:\(barColor);height:14px;font-size:0;line-height:0;\">&nbsp;</td>"
        }
        if rest != "0" {
            cells += "<td width=\"\(rest)%\" style=\"width:\(rest)%;"
                + "height:14px;font-size:0;line-height:0;\">&nbsp;</td>"
        }
        return "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\" "
            + "style=\"border-collapse:collapse;width:100%;\"><tr>\(cells)</tr></table>"
    }
}
