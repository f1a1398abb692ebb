/// The alignment a pipe table's delimiter row gives a column (`:--`, `:-:`, `--:`, `---`).
enum ColumnAlignment: Equatable, Sendable {
    case none, left, center, right

    /// Reads one delimiter-row cell, or nil when it is not `:?-+:?`.
    init?(delimiter cell: String) {
        var body = Substring(cell)
        let leftColon = body.first == ":"
        if leftColon { body = body.dropFirst() }
        let rightColon = body.last == ":"
        if rightColon { body = body.dropLast() }
        guard !body.isEmpty, body.allSatisfy({ $0 == "-" }) else { return nil }
        switch (leftColon, rightColon) {
        case (false, false): self = .none
        case (true, false): self = .left
        case (true, true): self = .center
        case (false, true): self = .right
        }
    }

    /// The attribute text for a `th`/`td` start tag, with its leading space; empty for `.none`.
    ///
    /// An inline style rather than a class so the alignment survives in email clients and
    /// without our stylesheet (`align` is obsolete in HTML5).
    var attribute: String {
        switch self {
        case .none: ""
        case .left: " style=\"text-align: left\""
        case .center: " style=\"text-align: center\""
        case .right: " style=\"text-align: right\""
        }
    }
}
