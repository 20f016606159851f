// Tests for this stage live beside their fixtures.
