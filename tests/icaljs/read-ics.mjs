// Reads an ICS file with ical.js and prints each VEVENT's UID and UTC start as JSON lines.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
for (const component of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(component);
  const start = event.startDate;
  const utc = start.isDate ? start.toString() : start.convertToZone(ICAL.Timezone.utcTimezone).toString();
  console.log(JSON.stringify({ uid: event.uid, start: utc, summary: event.summary, description: event.description }));
}
