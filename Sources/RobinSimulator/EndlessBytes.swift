import FlyingFox
import FlyingSocks

/// `header`, then `row` repeated without end: a body that only a size cap
/// checked while reading can stop.
struct EndlessBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let header: [UInt8]
    let row: [UInt8]

    func makeAsyncIterator() -> Iterator { Iterator(pending: header, row: row.isEmpty ? [10] : row) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var pending: [UInt8]
        let row: [UInt8]

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            while pending.count < Swift.max(count, 1) { pending += row }
            defer { pending.removeAll(keepingCapacity: true) }
            await Task.yield()  // let other connections run between chunks
            return pending
        }
    }
}
