import CCurl
import Foundation
import RobinModel

/// Sends over SMTP with libcurl: `smtps://` is TLS from the first byte;
/// `smtp://` upgrades with STARTTLS, which is required unless the server is
/// this machine (loopback), where it is used when offered. The password is
/// handed to libcurl only; it never appears in an error, a log or a file.
public struct SMTPTransport: MailTransport {
    /// When STARTTLS is used on an `smtp://` connection.
    public enum StartTLS: Sendable, Equatable {
        /// Refuse to send unless the server upgrades to TLS.
        case required
        /// Upgrade when the server offers it (loopback only).
        case ifOffered
        /// Never upgrade (loopback only: a local relay with a self-signed certificate).
        case never
    }

    /// The server.
    public var server: SMTPServer
    /// The login user; nil = no AUTH. The password is private to the struct.
    public var user: String?
    var password: String?
    /// When STARTTLS is used on `smtp://`.
    public var startTLS: StartTLS
    /// Seconds allowed to connect, and for the whole exchange.
    public var connectTimeout = 30, timeout = 300

    /// Checks the TLS rules before anything connects: STARTTLS may be relaxed
    /// only for a loopback host. `startTLS` nil picks the default: required,
    /// or if offered on loopback.
    public init(server: SMTPServer, user: String?, password: String?, startTLS: StartTLS? = nil) throws(DeliveryError) {
        let policy = startTLS ?? (server.isLoopback ? .ifOffered : .required)
        if policy != .required && !server.isLoopback && !server.implicitTLS {
            throw .usage("\(server): STARTTLS is required to \(server.host), which is not this machine "
                         + "(plain SMTP is allowed only to localhost, 127.0.0.1 or ::1)")
        }
        if !server.isLoopback && ccurl_has_tls() == 0 {
            throw .runtime("\(server): this libcurl has no TLS support, and TLS is required to \(server.host)")
        }
        if password != nil && user == nil {
            throw .usage("SMTP_PASSWORD is set but no SMTP user is given (--smtp-user or email.smtp_user)")
        }
        self.server = server
        self.user = user
        self.password = password
        self.startTLS = policy
    }

    public var destination: String { server.url }
    public var delivers: Bool { true }

    public func send(_ message: EmailMessage) throws(DeliveryError) {
        try send(message, handingOver: {})
    }

    /// Sends `message`; `handingOver` runs when libcurl has read the whole
    /// body, before it sends the final "." (the server takes the message only then).
    public func send(_ message: EmailMessage, handingOver: () throws(DeliveryError) -> Void) throws(DeliveryError) {
        _ = SMTPTransport.globalInit
        guard let handle = curl_easy_init() else { throw .runtime("\(server): cannot start libcurl") }
        defer { curl_easy_cleanup(handle) }
        var recipients: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(recipients) }
        for address in message.recipients {
            recipients = curl_slist_append(recipients, "<\(address)>")
        }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let (code, upload) = withoutActuallyEscaping(handingOver) { handingOver in
            let upload = UploadBuffer(Array(message.rendered.utf8), handingOver: handingOver)
            let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
                withExtendedLifetime(upload) {
                    var result = configure(handle, from: message.from.address, recipients: recipients, upload: upload)
                    if result == CURLE_OK { result = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress) }
                    if result == CURLE_OK { result = curl_easy_perform(handle) }
                    return result
                }
            }
            upload.handingOver = nil
            return (code, upload)
        }
        if let error = upload.handingOverError { throw error }
        guard code == CURLE_OK else {
            var response = 0
            _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &response)
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw failure(code, detail: detail, response: response, upload: upload.progress)
        }
    }

    private func configure(_ handle: UnsafeMutableRawPointer, from: String,
                           recipients: UnsafeMutablePointer<curl_slist>?, upload: UploadBuffer) -> CURLcode {
        let tls: curl_usessl = switch (server.implicitTLS, startTLS) {
        case (true, _), (false, .required): CURLUSESSL_ALL
        case (false, .ifOffered): CURLUSESSL_TRY
        case (false, .never): CURLUSESSL_NONE
        }
        var steps: [() -> CURLcode] = [
            { ccurl_setopt_string(handle, CURLOPT_URL, server.url) },
            { ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps") },
            { ccurl_setopt_long(handle, CURLOPT_USE_SSL, Int(tls.rawValue)) },
            { ccurl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from)>") },
            { ccurl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients) },
            { ccurl_setopt_long(handle, CURLOPT_UPLOAD, 1) },
            { ccurl_setopt_read_function(handle, uploadCallback) },
            { ccurl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque()) },
            { ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1) },
            { ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeout) },
            { ccurl_setopt_long(handle, CURLOPT_TIMEOUT, timeout) },
            // libcurl waits for the reply to the final "." outside CURLOPT_TIMEOUT, for up
            // to this (120 s by default): the whole exchange stays within `timeout`.
            { ccurl_setopt_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout) },
        ]
        if let user {
            steps.append { ccurl_setopt_string(handle, CURLOPT_USERNAME, user) }
            steps.append { ccurl_setopt_string(handle, CURLOPT_PASSWORD, password ?? "") }
        }
        for step in steps {
            let result = step()
            if result != CURLE_OK { return result }
        }
        return CURLE_OK
    }

    /// The error for a failed exchange. What the server can have depends on
    /// how far the upload got: libcurl reads the body only after the server
    /// accepted DATA (354), and the server takes the message only after the
    /// final "." that follows the whole body. So a failure before the body is
    /// complete sent nothing; a failure after it, with no refusal from the
    /// server, leaves the message possibly delivered.
    private func failure(_ code: CURLcode, detail: String, response: Int, upload: UploadBuffer.Progress) -> DeliveryError {
        let reply = response > 0 ? " (SMTP \(response))" : ""
        let why = detail.isEmpty ? SMTPTransport.text(code) : detail
        switch upload {
        case .complete where (400...599).contains(response):
            return .runtime("\(server): the server refused the message: \(why)\(reply); nothing was delivered")
        case .complete:
            return .runtime("\(server): delivery status unknown: the server may have the message; not recorded as sent; "
                            + "check before --resend (the whole message was sent, then: \(why))")
        case .started:
            return .runtime("\(server): the connection failed while the message was being sent (\(why)); "
                            + "the server did not get all of it; nothing was sent")
        case .notStarted:
            break
        }
        switch code {
        case CURLE_USE_SSL_FAILED:
            return .runtime("\(server): the server does not offer STARTTLS, and robin-report sends to "
                            + "\(server.host) only over TLS; nothing was sent")
        case CURLE_LOGIN_DENIED:
            return .runtime("\(server): the server refused the login of \"\(user ?? "")\"\(reply) "
                            + "(check --smtp-user and SMTP_PASSWORD); nothing was sent")
        case CURLE_OPERATION_TIMEDOUT where response > 0:
            return .runtime("\(server): the server stopped answering (\(SMTPTransport.text(code)))\(reply) "
                            + "before the message was sent; nothing was sent")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT:
            return .runtime("\(server): cannot connect (\(SMTPTransport.text(code))); nothing was sent")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR:
            return .runtime("\(server): TLS failed (\(why)); nothing was sent")
        default:
            return .runtime("\(server): sending failed: \(why)\(reply); nothing was sent")
        }
    }

    private static func text(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }

    /// libcurl's global set-up, once per process before the first handle.
    private static let globalInit: Void = { _ = curl_global_init(3) }()  // CURL_GLOBAL_ALL
}

/// The message bytes libcurl reads while uploading (dot-stuffing is its job),
/// and how far it got.
private final class UploadBuffer {
    /// How much of the body libcurl has taken.
    enum Progress {
        /// None: the server has not accepted DATA.
        case notStarted
        /// Some of it: the server accepted DATA; the body was cut short.
        case started
        /// All of it: libcurl then sends the final "." and waits for the reply.
        case complete
    }

    let bytes: [UInt8]
    var offset = 0
    private(set) var progress = Progress.notStarted
    /// Run at the end-of-body read, once; nil after it (or after the send).
    var handingOver: (() throws(DeliveryError) -> Void)?
    /// Its error: the send was aborted before the final ".".
    private(set) var handingOverError: DeliveryError?

    init(_ bytes: [UInt8], handingOver: @escaping () throws(DeliveryError) -> Void) {
        self.bytes = bytes
        self.handingOver = handingOver
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        if count == 0, let handingOver {
            self.handingOver = nil
            do {
                try handingOver()
            } catch {
                handingOverError = error
                progress = .started
                return 0x1000_0000  // CURL_READFUNC_ABORT: no final "."
            }
        }
        // libcurl asks for the body only once the server has answered DATA with 354;
        // a call that finds nothing left is its end-of-body read.
        progress = count > 0 ? .started : .complete
        guard count > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

private let uploadCallback: ccurl_read_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    return Unmanaged<UploadBuffer>.fromOpaque(context).takeUnretainedValue().read(into: buffer, capacity: size * count)
}
