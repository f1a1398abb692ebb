import RobinModel

/// A problem reading an export file: always names the file and line, and where it
/// applies the column and the offending value.
public struct CSVError: StageError, Sendable {
    /// File as given on the command line.
    public var file: String
    /// 1-based line; 0 when the problem is the file itself.
    public var line: Int
    public var problem: Problem
    /// Header names, filled in by the export reader so messages can name columns.
    public var columnNames: [String] = []

    public enum Problem: Sendable, Equatable {
        case cannotOpen(String)
        case readFailed(String)
        case unterminatedQuote(field: Int)
        case textAfterQuote(field: Int)
        case invalidUTF8(field: Int, byte: UInt8)
        case fieldCount(found: Int, expected: Int)
        case missingColumn(String)
        case emptyFile
        case badValue(column: String, value: String, expected: String)
    }

    public init(file: String, line: Int, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    func column(_ index: Int) -> String {
        index < columnNames.count ? "column \"\(columnNames[index])\"" : "field \(index + 1)"
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        switch problem {
        case .cannotOpen(let reason): return "\(place): cannot open: \(reason)"
        case .readFailed(let reason): return "\(place): read failed: \(reason)"
        case .unterminatedQuote(let field): return "\(place): \(column(field)): quoted field is never closed"
        case .textAfterQuote(let field): return "\(place): \(column(field)): a quote inside a field must be doubled and the field quoted"
        case .invalidUTF8(let field, let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "\(place): \(column(field)): invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex))"
        case .fieldCount(let found, let expected): return "\(place): row has \(found) fields, the header has \(expected)"
        case .missingColumn(let name): return "\(place): missing required column \"\(name)\""
        case .emptyFile: return "\(place): empty file (no header row)"
        case .badValue(let column, let value, let expected): return "\(place): column \"\(column)\": \"\(value)\" is not \(expected)"
        }
    }
}

extension CSVError {
    /// A file that cannot be opened or read is a runtime failure (1); anything
    /// wrong inside it is bad input data (3).
    public var exitStatus: ExitStatus {
        switch problem {
        case .cannotOpen, .readFailed: .runtime
        default: .badInput
        }
    }
}
