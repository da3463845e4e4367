import json
import unittest

from app import notes_from, respond


class NotesTest(unittest.TestCase):
    def test_notes_are_the_non_blank_lines(self):
        self.assertEqual(notes_from({"NOTES": "first;;  second  ;"}), ["first", "second"])
        self.assertEqual(notes_from({}), [])

    def test_health(self):
        self.assertEqual(respond("/health", [])[:2], (200, "text/plain; charset=utf-8"))

    def test_notes_as_json(self):
        status, content_type, body = respond("/notes", ["a"])
        self.assertEqual((status, content_type), (200, "application/json"))
        self.assertEqual(json.loads(body), {"notes": ["a"]})

    def test_unknown_path(self):
        self.assertEqual(respond("/nope", [])[0], 404)


if __name__ == "__main__":
    unittest.main()
