import type { Shape } from "../shape";

// The account page: the signed-in person's password and sessions.
export const zh = {
  title: "账户",
  intro: "{name}（{email}）",
  link: "账户",
  passwordTitle: "修改密码",
  passwordHelp: "修改后，其他设备和浏览器上的登录会全部失效；本浏览器保持登录。",
  currentPassword: "当前密码",
  newPassword: "新密码",
  newPasswordHint: "至少 8 个字符，不能是常见密码或与邮箱、姓名相近。",
  changePassword: "修改密码",
  changingPassword: "正在修改…",
  passwordChanged: "密码已修改，其他设备上的登录已结束。",
  sessionsTitle: "在所有设备上退出",
  sessionsHelp: "结束此账户在所有设备和浏览器上的登录（例如在公共电脑上忘记退出时）。本浏览器保持登录。",
  signOutEverywhere: "在所有其他设备上退出",
  signingOutEverywhere: "正在退出…",
  signedOutEverywhere: "其他设备和浏览器上的登录已全部结束。",
};

export const en: Shape<typeof zh> = {
  title: "Account",
  intro: "{name} ({email})",
  link: "Account",
  passwordTitle: "Change password",
  passwordHelp: "Afterwards every sign-in on other devices and browsers ends; this browser stays signed in.",
  currentPassword: "Current password",
  newPassword: "New password",
  newPasswordHint: "At least 8 characters; not a common password, nor close to your e-mail or name.",
  changePassword: "Change password",
  changingPassword: "Changing…",
  passwordChanged: "Password changed. Sign-ins on other devices have ended.",
  sessionsTitle: "Sign out everywhere",
  sessionsHelp:
    "End this account's sign-ins on every device and browser (for example after forgetting to sign out on a shared computer). This browser stays signed in.",
  signOutEverywhere: "Sign out on all other devices",
  signingOutEverywhere: "Signing out…",
  signedOutEverywhere: "Every sign-in on other devices and browsers has ended.",
};
