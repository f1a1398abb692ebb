/// Counts unreadable values in optional columns of one file, so the reader can
/// warn once per file (with the first example) instead of failing.
struct OptionalValueLog {
    private(set) var count = 0
    private var first: (line: Int, column: String, value: String)?

    mutating func note(line: Int, column: String, value: UnsafeBufferPointer<UInt8>) {
        count += 1
        if first == nil { first = (line, column, String(decoding: value, as: UTF8.self)) }
    }

    /// The warning for `file`, or nil when every value was readable.
    func warning(file: String) -> String? {
        guard let first else { return nil }
        let what = count == 1 ? "1 unreadable value" : "\(count) unreadable values"
        return "\(file): \(what) in optional columns, taken as empty (first at line \(first.line), column \"\(first.column)\": \"\(first.value)\")"
    }
}
