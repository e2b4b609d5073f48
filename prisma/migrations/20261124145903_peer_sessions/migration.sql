-- AlterEnum
ALTER TYPE "SessionRole" ADD VALUE 'PEER';
