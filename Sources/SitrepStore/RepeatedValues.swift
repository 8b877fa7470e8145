import Foundation
import SitrepCore

/// Text columns of rows that repeat their values — a group's mentions share a place, a few actors, the names of
/// their kinds and modalities — read without a new string for a value one of the column's last rows had.
///
/// ```swift
/// let values = RepeatedValues(columns: 4)
/// while try rows.next(db) {
///     let place = values.string(rows, 2)  // the same string object as the row before, if equal
///     let kind = values.value(rows, 3, Store.actorKinds)  // an enum case matched on the bytes
/// }
/// ```
final class RepeatedValues {
    /// Per column, its latest distinct values, newest first: `kept` slots a column, nil when not yet used.
    private var slots: [String?]
    private static let kept = 4

    init(columns: Int) {
        slots = Array(repeating: nil, count: columns * RepeatedValues.kept)
    }

    /// Column `i` as a string: nil for NULL.
    func string(_ r: RawStatement, _ i: Int32) -> String? {
        guard let b = r.bytes(i) else { return nil }
        let first = Int(i) * RepeatedValues.kept
        for k in first..<(first + RepeatedValues.kept) {
            guard let s = slots[k] else { break }
            if RepeatedValues.equal(s, b) {
                if k > first { slots.swapAt(k, k - 1) }  // a value that recurs moves forward
                return s
            }
        }
        let s = String(decoding: b, as: UTF8.self)
        for k in stride(from: first + RepeatedValues.kept - 1, to: first, by: -1) { slots[k] = slots[k - 1] }
        slots[first] = s
        return s
    }

    /// Column `i` as a case of `E`, matched on its raw value's bytes: nil for NULL or a value not of `E`.
    func value<E>(_ r: RawStatement, _ i: Int32, _ table: RawValueTable<E>) -> E? {
        r.bytes(i).flatMap(table.value)
    }

    static func equal(_ a: String, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.utf8.count == b.count else { return false }
        return a.utf8.withContiguousStorageIfAvailable { p in
            p.count == 0 || memcmp(p.baseAddress!, b.baseAddress!, p.count) == 0
        } ?? a.utf8.elementsEqual(b)
    }

    static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { p in
            p.count == 0 || memcmp(p.baseAddress!, b.baseAddress!, p.count) == 0
        }
    }
}

/// The cases of a string enum by the bytes of their raw values (`E(rawValue:)` makes and compares `String`s:
/// many times the cost, on a column read for every row).
struct RawValueTable<E: RawRepresentable & CaseIterable>: Sendable where E.RawValue == String, E: Sendable {
    private let entries: [(bytes: [UInt8], value: E)]

    init() {
        entries = E.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    func value(_ b: UnsafeBufferPointer<UInt8>) -> E? {
        for e in entries where RepeatedValues.equal(e.bytes, b) { return e.value }
        return nil
    }
}
