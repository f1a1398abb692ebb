import Dispatch

/// Maps independent items on every core (`DispatchQueue.concurrentPerform`),
/// keeping their order: decoding cached day facts, combining trend periods.
public enum ParallelMap {
    /// `transform` of each of `items`, in order.
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item],
                                                              _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values
    }

    /// One slot per item, each written by one iteration only (so no lock is needed),
    /// read after `concurrentPerform` has returned.
    private final class Slots<Value>: @unchecked Sendable {
        private var storage: UnsafeMutableBufferPointer<Value?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            storage.deinitialize()
            storage.deallocate()
        }

        func set(_ index: Int, _ value: Value) { storage[index] = value }

        var values: [Value] { storage.map { $0! } }
    }
}
