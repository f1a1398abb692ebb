/// A problem in a file the user wrote (the configuration, a template): the
/// file, and the line and column when they are known, then what is wrong:
/// `robin-report.toml:12:5: unknown key "timzone"`. Both are usage errors
/// (exit code 2): the user fixes the file.
public struct FileProblem: StageError, Sendable, Equatable {
    public var exitStatus: ExitStatus { .usage }

    /// The file as given.
    public var file: String
    /// 1-based line; nil when the problem is the file as a whole.
    public var line: Int?
    /// 1-based column; nil when not known.
    public var column: Int?
    /// What is wrong, without the place.
    public var message: String
    /// Words between the place and the message (`template error: `).
    public var label: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, label: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.label = label
    }

    /// `file:line:column: label message`.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(label)\(message)"
    }
}
