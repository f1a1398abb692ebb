/// A horizontal bar drawn as a two-cell HTML table: the one chart that Gmail,
/// Outlook (Word engine) and Apple Mail all show, with no image and no CSS
/// beyond inline styles. `bgcolor` and `width` attributes back up the styles
/// for clients that drop them.
struct EmailBar {
    /// Filled share, clamped to 0...1.
    var fraction: Double
    var color = EmailPalette.bar

    var html: String {
        let filled = Int((max(0, min(1, fraction.isFinite ? fraction : 0)) * 100).rounded())
        var cells = ""
        if filled > 0 { cells += cell(width: filled, color: color) }
        if filled < 100 { cells += cell(width: 100 - filled, color: EmailPalette.track) }
        return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
            + "style=\"width:100%;border-collapse:collapse;\"><tr>\(cells)</tr></table>"
    }

    private func cell(width: Int, color: String) -> String {
        "<td width=\"\(width)%\" height=\"14\" bgcolor=\"\(color)\" style=\"width:\(width)%;height:14px;"
            + "background-color:\(color);font-size:1px;line-height:1px;\">&nbsp;</td>"
    }
}
