/// Counts unreadable values in optional columns of one file, so the reader can
/// warn once per file (at the first one, by file:line and column) instead of
/// failing or flooding the terminal.
struct OptionalValueLog {
    /// Why a value was taken as empty.
    enum Reason: String {
        case unreadable = "unreadable"
        case outOfRange = "out of range"
    }

    private(set) var count = 0
    private var first: (line: Int, column: String, value: String, reason: Reason)?

    mutating func note(line: Int, column: String, value: UnsafeBufferPointer<UInt8>, reason: Reason = .unreadable) {
        count += 1
        if first == nil { first = (line, column, String(decoding: value, as: UTF8.self), reason) }
    }

    /// The warning for `file`, or nil when every value was readable.
    func warning(file: String) -> String? {
        guard let first else { return nil }
        let others = count == 1 ? "" : " (\(count) values taken as empty in this file)"
        return "\(file):\(first.line): column \"\(first.column)\": \"\(first.value)\" is \(first.reason.rawValue), taken as empty\(others)"
    }
}
