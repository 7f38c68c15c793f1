import RhythmCore
import Testing

@Suite struct HexDigitsTests {
    @Test("bytes become two lower-case hex digits each, leading zeros kept")
    func digits() {
        #expect([UInt8]().lowercaseHex == "")
        #expect([0x00, 0x0F, 0xA5, 0xFF].lowercaseHex == "000fa5ff")
        #expect((0...255).map(UInt8.init).lowercaseHex.count == 512)
    }
}
