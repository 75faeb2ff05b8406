-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'new_comment';
