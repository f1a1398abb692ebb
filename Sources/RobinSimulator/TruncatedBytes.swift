import FlyingFox
import FlyingSocks

/// A body that yields `prefix` and then fails, so FlyingFox drops the
/// connection after sending fewer bytes than the announced Content-Length.
struct TruncatedBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let prefix: [UInt8]

    func makeAsyncIterator() -> Iterator { Iterator(prefix: prefix) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var prefix: [UInt8]
        var sent = false

        mutating func next() async throws -> UInt8? {
            guard let first = try await nextBuffer(suggested: 1)?.first else { return nil }
            return first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if !sent, !prefix.isEmpty {
                sent = true
                return prefix
            }
            throw DroppedConnection.Dropped()
        }
    }
}
