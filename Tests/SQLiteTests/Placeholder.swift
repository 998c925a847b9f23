import Testing

@Test("the SQLiteTests target builds") func builds() { #expect(Bool(true)) }
