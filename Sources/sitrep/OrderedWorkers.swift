import Foundation

/// `jobs` threads that turn items into bytes, and a writer that gets the bytes back in input order. No barrier
/// between batches: a slow document holds back only the output behind it, and the queues bound the memory.
final class OrderedWorkers<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [(Int, Item)] = []
    private var head = 0
    private var done: [Int: [UInt8]] = [:]
    private var closed = false
    /// Items submitted and not yet written back: the writer waits for the oldest beyond this many.
    let capacity: Int
    private var submitted = 0
    private var written = 0

    /// Starts the workers; `work` runs on them, once per item.
    init(jobs: Int, capacity: Int, work: @escaping @Sendable (Item) -> [UInt8]) {
        self.capacity = capacity
        for _ in 0..<jobs {
            Thread.detachNewThread { [self] in
                while let (n, item) = take() {
                    let bytes = work(item)
                    condition.lock()
                    done[n] = bytes
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
    }

    private func take() -> (Int, Item)? {
        condition.lock()
        defer { condition.unlock() }
        while head == pending.count && !closed { condition.wait() }
        guard head < pending.count else { return nil }
        let next = pending[head]
        head += 1
        if head >= 32 && head * 2 >= pending.count {  // drop what the workers took (it holds the documents)
            pending.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return next
    }

    /// Queues an item (number `n`, counting from 0).
    func submit(_ n: Int, _ item: Item) {
        condition.lock()
        pending.append((n, item))
        condition.broadcast()
        condition.unlock()
    }

    /// The bytes of item `n` once a worker has made them; nil, without waiting, if not yet.
    func result(_ n: Int, wait: Bool) -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while wait && done[n] == nil { condition.wait() }
        return done.removeValue(forKey: n)
    }

    /// Runs `items` through the workers and hands their bytes to `write` in order.
    func run(_ items: () throws -> Item?, write: ([UInt8]) -> Void) rethrows {
        defer { close() }
        while let item = try items() {
            while submitted - written >= capacity, let b = result(written, wait: true) {
                write(b)
                written += 1
            }
            submit(submitted, item)
            submitted += 1
            while written < submitted, let b = result(written, wait: false) {
                write(b)
                written += 1
            }
        }
        close()
        while written < submitted, let b = result(written, wait: true) {
            write(b)
            written += 1
        }
    }

    /// No more items: the workers end when the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
