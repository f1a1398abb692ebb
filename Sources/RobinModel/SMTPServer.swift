/// Where to send mail: an `smtp://host[:port]` URL (STARTTLS, default port 587)
/// or `smtps://host[:port]` (TLS from the first byte, default port 465).
///
/// The URL carries no credentials: the user comes from `--smtp-user` or
/// `email.smtp_user`, the password only from `SMTP_PASSWORD`.
public struct SMTPServer: Hashable, Sendable, CustomStringConvertible {
    /// True for `smtps://` (implicit TLS), false for `smtp://` (STARTTLS).
    public var implicitTLS: Bool
    /// Host name or IP address, without brackets.
    public var host: String
    /// TCP port.
    public var port: Int

    /// Parses an `smtp://` or `smtps://` URL; nil when it is not one.
    public init?(_ text: String) {
        guard case .success(let value) = SMTPServer.parse(text) else { return nil }
        self = value
    }

    /// Why `text` is not a usable SMTP URL, or nil when it is one. The problem
    /// never repeats the URL, which may hold a password by mistake.
    public static func problem(_ text: String) -> String? {
        if case .failure(let problem) = parse(text) { return problem.message }
        return nil
    }

    /// Whether the host is this machine (`localhost`, 127.0.0.0/8, `::1`): mail
    /// to it never crosses a network, so STARTTLS is not required.
    public var isLoopback: Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// The URL as libcurl takes it, e.g. `smtp://mail.example.com:587`.
    public var url: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(implicitTLS ? "smtps" : "smtp")://\(hostPart):\(port)"
    }

    public var description: String { url }

    struct Problem: Error {
        var message: String
    }

    static func parse(_ text: String) -> Result<SMTPServer, Problem> {
        let lower = text.lowercased()
        let implicitTLS: Bool
        let rest: Substring
        if lower.hasPrefix("smtp://") {
            implicitTLS = false
            rest = text.dropFirst(7)
        } else if lower.hasPrefix("smtps://") {
            implicitTLS = true
            rest = text.dropFirst(8)
        } else {
            return .failure(Problem(message: "must start with smtp:// (STARTTLS) or smtps:// (TLS)"))
        }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            guard rest[slash...] == "/" else {
                return .failure(Problem(message: "must be smtp://host:port or smtps://host:port, with no path"))
            }
            authority = rest[..<slash]
        }
        if authority.contains("@") {
            return .failure(Problem(message:
                "must not hold a user or password: give the user with --smtp-user (or email.smtp_user) and the password in SMTP_PASSWORD"))
        }
        if authority.contains(where: { $0 == "?" || $0 == "#" || $0 == " " || $0.isNewline }) {
            return .failure(Problem(message: "must be smtp://host:port or smtps://host:port"))
        }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return .failure(Problem(message: "has an IPv6 address without its closing ]"))
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return .failure(Problem(message: "has text after the IPv6 address")) }
                portText = after.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { return .failure(Problem(message: "has no host")) }
        var port = implicitTLS ? 465 : 587
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                return .failure(Problem(message: "has a port that is not a number from 1 to 65535"))
            }
            port = number
        }
        return .success(SMTPServer(implicitTLS: implicitTLS, host: String(host), port: port))
    }

    private init(implicitTLS: Bool, host: String, port: Int) {
        self.implicitTLS = implicitTLS
        self.host = host
        self.port = port
    }
}
