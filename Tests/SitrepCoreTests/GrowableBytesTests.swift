import Testing
@testable import SitrepCore

@Suite struct GrowableBytesTests {
    @Test func rangesOfEveryLengthAndOffsetAreCopiedExactly() {
        let source: [UInt8] = (0..<40).map { UInt8(65 + $0) }
        var expected: [UInt8] = []
        let b = GrowableBytes(capacity: 4)  // grows on the way
        source.withUnsafeBufferPointer { src in
            for start in 0...source.count {
                for end in start...source.count {
                    b.append(src, start..<end)
                    expected += source[start..<end]
                }
            }
        }
        #expect(b.count == expected.count)
        #expect(Array(b.contents) == expected)
        // what was written past a copy is overwritten by the next one, never counted
        let c = GrowableBytes(capacity: 16)
        source.withUnsafeBufferPointer { c.append($0, 0..<3); c.append($0, 30..<31) }
        #expect(Array(c.contents) == [65, 66, 67, 95])
    }
}
