/// Colours of the email (hex, as every client takes them).
enum EmailPalette {
    static let page = "#f3f4f6"
    static let card = "#ffffff"
    static let text = "#1f2937"
    static let heading = "#111827"
    static let muted = "#6b7280"
    static let rule = "#e5e7eb"
    static let bar = "#2563eb"
    static let track = "#e5e7eb"
    static let good = "#15803d"
    static let bad = "#b91c1c"
    static let font = "Arial,Helvetica,sans-serif"
}
