import Testing

@Test("the StoreTests target builds") func builds() { #expect(Bool(true)) }
