// Every job the worker knows. A domain adds its jobs here; nothing else has to change for the worker to run them.
import { signUpMailJob } from "@/lib/auth/sign-up-mail";
import { fileJobs } from "@/lib/files/jobs";
import { sendDigestJob, sendNotificationEmailJob } from "@/lib/notifications/email-jobs";
import { remindRoundDueJob } from "@/lib/rounds/jobs";
import { retrainRankingJob } from "@/lib/screening/ranking/jobs";
import { searchIndexJob } from "@/lib/search/jobs";
import type { JobDefinition } from "./define-job";

export const jobDefinitions: JobDefinition[] = [
  searchIndexJob,
  retrainRankingJob,
  ...fileJobs,
  sendNotificationEmailJob,
  sendDigestJob,
  remindRoundDueJob,
  signUpMailJob,
];
