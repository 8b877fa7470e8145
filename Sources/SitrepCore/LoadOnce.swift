import Foundation

/// A value built on first use and shared by the whole process (data files are loaded once).
public final class LoadOnce<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    public init() {}

    public func get(_ make: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let v = try make()
        value = v
        return v
    }
}
