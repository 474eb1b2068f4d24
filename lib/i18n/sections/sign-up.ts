import type { Shape } from "../shape";

// Sign-up by e-mail confirmation: the form's one answer, the confirmation page, what the sign-up page says
// applies on this installation (HUITONG_SIGN_UP), and the two e-mails.
export const zh = {
  sentTitle: "请查收邮件",
  sent: "我们已向 {email} 发送了一个链接，打开它即可完成注册。",
  sentHint: "链接 24 小时内有效，只能使用一次。没有收到？请查看垃圾邮件，或稍后重新注册。",
  confirmTitle: "完成注册",
  confirmIntro: "{name}，点击下面的按钮，用 {email} 创建会通账户并登录。",
  confirmButton: "完成注册",
  confirming: "正在完成注册…",
  accountExists: "这个邮箱已经有账户了，注册链接已失效。请直接登录。",
  startAgain: "重新注册",
  linkInvalid: "这个注册链接无效或已经用过。",
  linkExpired: "这个注册链接已经过期（有效期 24 小时）。",
  modeEmail: "提交后，我们会向您的邮箱发送一个确认链接，打开它即可完成注册。",
  modeOpen: "提交后立即创建账户并登录，本站不发送确认邮件。",
  modeInviteNeeded: "本站只接受受邀注册：请打开综述负责人发给您的邀请链接，从邀请页注册。",
  modeClosed: "本站目前不开放注册。如需账户，请联系本站管理员。",
  mail: {
    confirmSubject: "[会通] 确认您的注册",
    greeting: "{name}，您好：",
    confirmBody: "有人（希望是您）用这个邮箱注册了会通账户。打开下面的链接完成注册，链接 24 小时内有效，只能使用一次：",
    confirmAction: "完成注册",
    confirmIgnore: "如果不是您本人注册，请忽略这封邮件，不会创建任何账户。",
    existingSubject: "[会通] 有人尝试用您的邮箱注册",
    existingBody: "有人尝试用这个邮箱注册会通账户，但这个邮箱已经有账户了。如果是您本人，直接登录即可：",
    existingAction: "登录会通",
    existingIgnore: "如果不是您本人，请忽略这封邮件，您的账户没有任何变化。",
  },
};

export const en: Shape<typeof zh> = {
  sentTitle: "Check your e-mail",
  sent: "We sent a link to {email}; open it to finish.",
  sentHint:
    "The link works once, for 24 hours. Nothing arrived? Look in your spam folder, or sign up again a little later.",
  confirmTitle: "Finish signing up",
  confirmIntro: "{name}, press the button to create your Huitong account for {email} and sign in.",
  confirmButton: "Finish signing up",
  confirming: "Finishing…",
  accountExists: "This address already has an account; the sign-up link is used up. Sign in instead.",
  startAgain: "Sign up again",
  linkInvalid: "This sign-up link is not valid or was already used.",
  linkExpired: "This sign-up link has expired (it works for 24 hours).",
  modeEmail: "We will e-mail you a link to confirm the address; open it to finish.",
  modeOpen: "Your account is created and you are signed in at once; this site sends no confirmation e-mail.",
  modeInviteNeeded:
    "This site creates accounts only by invitation: open the invitation link a review's owner sent you and sign up from there.",
  modeClosed: "This site is not open for sign-up. Ask its administrator for an account.",
  mail: {
    confirmSubject: "[Huitong] Confirm your sign-up",
    greeting: "Hello {name},",
    confirmBody:
      "Someone (we hope you) signed up for Huitong with this address. Open the link below to finish; it works once, for 24 hours:",
    confirmAction: "Finish signing up",
    confirmIgnore: "If it was not you, ignore this e-mail: no account is created.",
    existingSubject: "[Huitong] Someone tried to sign up with your address",
    existingBody:
      "Someone tried to create a Huitong account with this address, but it already has one. If it was you, simply sign in:",
    existingAction: "Sign in to Huitong",
    existingIgnore: "If it was not you, ignore this e-mail: nothing about your account has changed.",
  },
};
