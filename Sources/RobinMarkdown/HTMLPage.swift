import RobinModel

/// The self-contained HTML page around a rendered report.
public enum HTMLPage {
    /// A complete HTML5 document around `bodyHTML`: UTF-8, a viewport for phones, the
    /// escaped `title`, and one inline stylesheet (`HTMLPage.stylesheet`); no scripts and no
    /// external assets, so the file opens anywhere (charts are the `<img src="charts/...">`
    /// the body refers to).
    ///
    /// The stylesheet: a calm system-font layout readable from 375 px to 1280 px wide, tables
    /// that scroll sideways in `.table-wrap` on narrow screens with a shadow at the edge that
    /// has more table beyond it, `.cards` tables stacked as one card per row under 480 px,
    /// tabular figures, dark mode through `prefers-color-scheme`, and print rules (no
    /// backgrounds or shadows, table headers repeated, tables and charts not split across
    /// pages where they fit on one).
    ///
    /// - Parameters:
    ///   - title: The page title, plain text (escaped here).
    ///   - bodyHTML: Trusted HTML, such as `MarkdownHTML.render`'s output; inserted as is.
    ///   - lang: The BCP 47 language of the report (escaped here).
    public static func document(title: String, bodyHTML: String, lang: String = "en") -> String {
        var body = bodyHTML
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(lang))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(HTMLEscaping.escape(title))</title>
            <style>
            \(stylesheet)</style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }
}
