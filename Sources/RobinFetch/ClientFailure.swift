import Foundation

/// How one HTTP exchange with Robin failed, before the fetcher decides
/// whether to retry. Messages are already redacted of the token.
enum ClientFailure: Error, Sendable {
    /// 429: wait `retryAfter` (nil: no usable header) and retry.
    case rateLimited(retryAfter: Duration?)
    /// 5xx, 408, timeouts, resets, truncated bodies, a 200 that is not the
    /// export's complete CSV: retry with backoff.
    case transient(String)
    /// 401/403: the token was refused.
    case unauthorized(status: Int)
    /// Any other refusal (400, 404 on POST, 422...): Robin's message and errors.
    case refused(status: Int, message: String)
    /// A 3xx (status, when the head arrived) pointing at `to`; never followed.
    case redirected(status: Int?, to: URL)
    /// The body passed the size cap: announced by Content-Length, or counted while reading.
    case tooLarge(limit: Int64, announced: Int64?)
}
