/// A fault written as text, as `simulate --fault` takes it:
/// `TARGET:KIND[=ARG][xN]`, e.g. `post:429=2x5` (five POSTs answered 429 with
/// `Retry-After: 2`), `get:drip=16`, `get:redirect=8081`, `get:cut-no-length`.
public struct FaultSpec: Sendable, Hashable {
    /// The misbehaviour.
    public var fault: SimulatedFault
    /// POSTs (export requests) or GETs (downloads).
    public var target: SimulatedFault.Target
    /// How many matching requests show it, one after the other.
    public var times: Int

    /// A spec that could not be read: the text and why.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        /// One line naming the spec and the problem.
        public let description: String
    }

    /// The kinds and their arguments, for `--help`.
    public static let kinds = """
        429[=SECONDS] (Retry-After, default 1), a status such as 500, 502, 503, 403 or 410 \
        (in Robin's envelope), reset (connection closed without an answer), cut (body cut \
        halfway after announcing its length), cut-no-length (close-delimited body cut in \
        a row), redirect=PORT (302 to the same path on 127.0.0.1:PORT), drip=BYTES_PER_SECOND \
        (the CSV sent slowly), html, json, empty (a 200 with an HTML page, a JSON envelope, \
        no body), endless (a chunked CSV without end), slow-ready=SECONDS (post: the export \
        is ready only after that long)
        """

    /// Parses `TARGET:KIND[=ARG][xN]`.
    public init(parsing text: String) throws(Invalid) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let target = ["post": SimulatedFault.Target.post, "get": .get][parts[0].lowercased()] else {
            throw Invalid(description: "--fault \"\(text)\": start with post: or get: (e.g. get:500x3)")
        }
        var rest = parts[1]
        var times = 1
        if let x = rest.lastIndex(of: "x"), let count = Int(rest[rest.index(after: x)...]), rest.index(after: x) < rest.endIndex {
            guard count >= 1 else { throw Invalid(description: "--fault \"\(text)\": the count after x must be at least 1") }
            times = count
            rest = String(rest[..<x])
        }
        let fault = try FaultSpec.fault(rest, in: text)
        if fault.replacesBody && target == .post && fault != .truncatedBody {
            throw Invalid(description: "--fault \"\(text)\": \(rest) replaces a download's CSV; use get:")
        }
        if case .slowReadiness = fault, target == .get {
            throw Invalid(description: "--fault \"\(text)\": slow-ready applies to export requests; use post:")
        }
        self.fault = fault
        self.target = target
        self.times = times
    }

    /// One `KIND[=ARG]` (no target, no count), as `--fault-kinds` lists them.
    public static func fault(_ kind: String, in text: String? = nil) throws(Invalid) -> SimulatedFault {
        let shown = text ?? kind
        let pieces = kind.split(separator: "=", maxSplits: 1).map(String.init)
        let name = pieces.first?.lowercased() ?? ""
        let argument = pieces.count == 2 ? pieces[1] : nil
        func number(_ range: ClosedRange<Int>, _ what: String) throws(Invalid) -> Int {
            guard let argument, let value = Int(argument), range.contains(value) else {
                throw Invalid(description: "--fault \"\(shown)\": \(name) needs =\(what) (\(range.lowerBound)...\(range.upperBound))")
            }
            return value
        }
        func none() throws(Invalid) {
            if argument != nil { throw Invalid(description: "--fault \"\(shown)\": \(name) takes no =value") }
        }
        switch name {
        case "429":
            return .tooManyRequests(retryAfter: argument == nil ? 1 : try number(0...3600, "SECONDS"))
        case "reset": try none(); return .connectionReset
        case "cut": try none(); return .truncatedBody
        case "cut-no-length": try none(); return .cutWithoutLength
        case "html": try none(); return .htmlBody
        case "json": try none(); return .jsonBody
        case "empty": try none(); return .emptyBody
        case "endless": try none(); return .endlessBody
        case "redirect": return .redirect(port: UInt16(try number(1...65_535, "PORT")))
        case "drip": return .drip(bytesPerSecond: try number(1...100_000_000, "BYTES_PER_SECOND"))
        case "slow-ready": return .slowReadiness(.seconds(try number(0...86_400, "SECONDS")))
        default:
            guard let status = Int(name), (300...599).contains(status), status != 429 else {
                throw Invalid(description: "--fault \"\(shown)\": unknown kind \"\(name)\" (kinds: \(kinds))")
            }
            try none()
            return status == 500 ? .serverError : .status(status)
        }
    }
}
