import Testing
@testable import SitrepCore

@Suite struct IntegerSortTests {
    /// A fixed pseudo-random sequence (SplitMix64), so a failure repeats.
    func values(_ n: Int, seed: UInt64, modulo: UInt64 = .max) -> [UInt64] {
        var s = seed
        return (0..<n).map { _ in
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (z ^ (z >> 31)) % modulo
        }
    }

    @Test func sortsLikeTheStandardSort() {
        let cases: [[UInt64]] = [
            [], [7], [2, 1], [3, 3, 3], Array(0..<100), Array((0..<100).reversed()),
            values(15, seed: 1), values(16, seed: 2), values(17, seed: 3), values(1000, seed: 4),
            values(5000, seed: 5, modulo: 10), [UInt64.max, 0, UInt64.max, 1, 0],
            (0..<500).map { UInt64($0 % 2 == 0 ? $0 : 1000 - $0) },  // organ pipe
        ]
        for c in cases {
            var a = c
            a.sortIntegers()
            #expect(a == c.sorted(), "\(c.prefix(8))…")
        }
    }

    @Test func theRadixSortSortsHashesAndFallsBackWhereTopBitsAreShared() {
        // random, few distinct values, values alike in their top bits (the quicksort finishes), the top byte only
        let n = IntegerSort.radixThreshold
        let cases: [[UInt64]] = [
            values(n, seed: 11), values(n + 1, seed: 12), values(4000, seed: 13, modulo: 3),
            values(700, seed: 14).map { $0 & 0xFF00 }, values(700, seed: 15).map { $0 | 0xFFFF_FFFF_0000_0000 },
            Array(repeating: 42, count: 300), (0..<300).map { UInt64(299 - $0) << 56 },
        ]
        for c in cases {
            var a = c
            a.withUnsafeMutableBufferPointer { IntegerSort.radixSort($0) }
            #expect(a == c.sorted(), "\(c.prefix(4))…")
            var b = c
            b.sortIntegers()
            #expect(b == c.sorted())
        }
    }

    @Test func theHeapSortFallbackSorts() {
        var a = values(300, seed: 9, modulo: 50)
        let expected = a.sorted()
        a.withUnsafeMutableBufferPointer { IntegerSort.heapsort($0.baseAddress!, $0.count) }
        #expect(a == expected)
    }
}
