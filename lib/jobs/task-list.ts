// Every job the worker knows. A domain adds its jobs here; nothing else has to change for the worker to run them.
import { sendDigestJob, sendNotificationEmailJob } from "@/lib/notifications/email-jobs";
import { remindRoundDueJob } from "@/lib/rounds/jobs";
import type { JobDefinition } from "./define-job";

export const jobDefinitions: JobDefinition[] = [
  sendNotificationEmailJob as unknown as JobDefinition,
  sendDigestJob as unknown as JobDefinition,
  remindRoundDueJob as unknown as JobDefinition,
];
